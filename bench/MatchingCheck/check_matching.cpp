// Independent check of the pairing engine's exported rounds (bench/NetworkingBot.Benchmarks --export DIR):
// solves each exported graph again with LEMON's MaxWeightedMatching (Edmonds' blossom algorithm, a C++
// library written and tested independently of ours) and compares the optimum weight with the weight of the
// matching our engine chose. Weights are integers near 1.3e17, so everything stays in 64-bit integers
// (LEMON scales integer duals by 4: still far below 2^63) and sums are taken in 128 bits.
#include <lemon/smart_graph.h>
#include <lemon/matching.h>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using Graph = lemon::SmartGraph;
using Weight = long long;

static std::string text(__int128 v)
{
    if (v == 0) return "0";
    bool negative = v < 0;
    std::string s;
    for (unsigned __int128 u = negative ? -(unsigned __int128)v : (unsigned __int128)v; u > 0; u /= 10) s.insert(s.begin(), char('0' + int(u % 10)));
    return negative ? "-" + s : s;
}

int main(int argc, char** argv)
{
    int failures = 0;
    for (int a = 1; a < argc; ++a)
    {
        std::string base = argv[a];
        std::ifstream graphFile(base + ".graph"), matchingFile(base + ".matching");
        if (!graphFile || !matchingFile) { std::cerr << base << ": cannot open .graph or .matching\n"; return 2; }

        long long n = 0, m = 0;
        graphFile >> n >> m;
        Graph g;
        g.reserveNode(int(n));
        g.reserveEdge(int(m));
        std::vector<Graph::Node> nodes;
        for (long long i = 0; i < n; ++i) nodes.push_back(g.addNode());
        Graph::EdgeMap<Weight> weight(g);
        std::map<std::pair<int, int>, Weight> byPair;
        for (long long i = 0; i < m; ++i)
        {
            int u, v; Weight w;
            graphFile >> u >> v >> w;
            auto e = g.addEdge(nodes[u], nodes[v]);
            weight[e] = w;
            byPair[{std::min(u, v), std::max(u, v)}] = w;
        }

        lemon::MaxWeightedMatching<Graph, Graph::EdgeMap<Weight>> solver(g, weight);
        solver.run();
        __int128 lemonWeight = 0;
        long long lemonPairs = 0;
        for (Graph::EdgeIt e(g); e != lemon::INVALID; ++e)
            if (solver.matching(e)) { lemonWeight += weight[e]; ++lemonPairs; }

        // Our matching must use the graph's edges, each vertex at most once.
        __int128 oursWeight = 0;
        long long oursPairs = 0;
        std::vector<char> used(size_t(n), 0);
        bool valid = true;
        int u, v;
        while (matchingFile >> u >> v)
        {
            auto found = byPair.find({std::min(u, v), std::max(u, v)});
            if (found == byPair.end() || used[size_t(u)] || used[size_t(v)]) { valid = false; break; }
            used[size_t(u)] = used[size_t(v)] = 1;
            oursWeight += found->second;
            ++oursPairs;
        }

        bool same = valid && oursWeight == lemonWeight;
        std::cout << base << ": n=" << n << " m=" << m
                  << " | ours " << oursPairs << " pairs, weight " << text(oursWeight) << (valid ? "" : " (NOT A VALID MATCHING OF THIS GRAPH)")
                  << " | LEMON " << lemonPairs << " pairs, weight " << text(lemonWeight)
                  << " | " << (same ? "equal: our matching is optimal" : "DIFFERENT") << "\n";
        failures += same ? 0 : 1;
    }

    return failures == 0 ? 0 : 1;
}
