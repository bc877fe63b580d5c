using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>
/// Column generation without starting over (<see cref="BlossomSolver.Resume"/>), the repaired start after pricing
/// (<see cref="CandidateGraph.Repair"/>) and the cap on violated pairs per pass.
/// </summary>
public sealed class BlossomSolverResumeTests
{
    [Fact]
    public void Resumed_solves_reach_the_optimum_of_the_whole_graph_on_thousands_of_random_graphs()
    {
        var dissolved = 0;
        for (var seed = 0; seed < 2500; seed++)
        {
            var random = new Random(seed);
            var n = 2 * random.Next(1, seed < 2000 ? 8 : 30);
            var maxWeight = random.Next(3) == 0 ? 3 : 100;
            var all = new List<(int, int, long)>();
            for (var u = 0; u < n; u++)
            {
                for (var v = u + 1; v < n; v++)
                {
                    all.Add((u, v, random.Next(1, maxWeight + 1)));
                }
            }

            // A Hamiltonian path keeps a perfect matching in the first graph; the rest arrives in batches.
            var first = all.Where(e => e.Item2 == e.Item1 + 1 || random.Next(4) == 0).ToList();
            var rest = all.Except(first).OrderBy(_ => random.Next()).ToList();
            var solver = new BlossomSolver(n, first, maxCardinality: true);
            var result = solver.Run();
            var edges = new List<(int, int, long)>(first);
            var batches = 1 + random.Next(3);
            for (var b = 0; b < batches; b++)
            {
                var batch = rest.Skip(b * rest.Count / batches).Take(((b + 1) * rest.Count / batches) - (b * rest.Count / batches)).ToList();
                solver.Resume(batch);
                edges.AddRange(batch);
                result = solver.Run();
                Assert.Null(MatchingCertificate.Verify(n, edges, true, result));
            }

            var scratch = MaxWeightMatching.Solve(n, all, maxCardinality: true);
            Assert.Equal(MaxWeightMatching.Weight(all, scratch.Mate), MaxWeightMatching.Weight(all, result.Mate));
            Assert.All(result.Mate, m => Assert.True(m >= 0, $"seed {seed}: not perfect"));
            dissolved += solver.DissolvedOnResume;
        }

        // The path that dissolves a blossom holding both ends of a violated new edge was taken.
        Assert.True(dissolved > 0);
    }

    [Fact]
    public void A_member_in_every_violated_pair_is_raised_alone()
    {
        // Ten members matched in pairs (0-1, 2-3, ...); member 0's dual is low, and pricing finds it violated with
        // every member of the other pairs. Raising the other end of each pair (the old rule: the end with the larger
        // dual) would free all eight of them and their mates; raising member 0 frees at most 0 and 1.
        const int n = 10;
        long Weight(int u, int v) => (Math.Min(u, v), Math.Max(u, v)) switch
        {
            var (a, b) when b == a + 1 && a % 2 == 0 => 100,
            (0, _) => 90,
            _ => 10,
        };

        CandidateGraph Path()
        {
            var path = new CandidateGraph(n);
            for (var v = 0; v + 1 < n; v++)
            {
                path.Add(v, v + 1, Weight(v, v + 1));
            }

            return path;
        }

        var graph = Path();

        var y = new long[n];
        Array.Fill(y, 100);
        (y[0], y[1]) = (20, 180);
        var last = new MatchingResult([1, 0, 3, 2, 5, 4, 7, 6, 9, 8], y, []);
        var all = new TriangularWeights(n, Weight);
        var duals = new BlossomDuals(n, last);
        var violations = all.Violations(y, duals);
        Assert.Equal(8, violations.Count);

        var start = graph.Repair(last, duals, violations, all);

        Assert.True(start.MateEdge.Count(k => k < 0) <= 2, $"{start.MateEdge.Count(k => k < 0)} members start free");
        foreach (var (u, v, w) in graph.Edges)
        {
            Assert.True(start.VertexDual[u] + start.VertexDual[v] >= 2 * w, $"edge ({u},{v}) infeasible");
        }

        for (var v = 0; v < n; v++)
        {
            if (start.MateEdge[v] >= 0)
            {
                var (a, b, w) = graph.Edges[start.MateEdge[v]];
                Assert.Equal(2 * w, start.VertexDual[a] + start.VertexDual[b]);
            }
        }

        // The solve from there reaches the complete graph's optimum.
        var matching = CompleteGraphMatcher.PriceAndSolve(all, Path(), last, solves: 0);
        var complete = Enumerable.Range(0, n).SelectMany(u => Enumerable.Range(u + 1, n - u - 1).Select(v => (u, v, Weight(u, v)))).ToList();
        Assert.Equal(MaxWeightMatchingTests.BruteForce(n, complete, maxCardinality: true).Weight, MaxWeightMatching.Weight(complete, matching.Result.Mate));
    }

    [Fact]
    public void A_pass_with_many_violated_pairs_keeps_each_members_most_violated()
    {
        // Forty members, every pair violated (duals all zero): 780 pairs, more than four per member.
        const int n = 40;
        var all = new TriangularWeights(n, (u, v) => 1 + ((u * 7) + (v * 13)) % 50);
        var y = new long[n];
        var last = new MatchingResult([.. Enumerable.Range(0, n).Select(v => v ^ 1)], y, []);
        var duals = new BlossomDuals(n, last);
        var slacks = new List<long>();
        var violations = all.Violations(y, duals, slacks: slacks);
        Assert.Equal(n * (n - 1) / 2, violations.Count);
        Assert.Equal(violations.Select(p => -2 * all[p.U, p.V]), slacks);

        var kept = CompleteGraphMatcher.MostViolated(violations, slacks, n);

        Assert.True(kept.Count < violations.Count);
        for (var v = 0; v < n; v++)
        {
            // Each member keeps at least its 16 heaviest (most violated) pairs.
            var mine = violations.Where(p => p.U == v || p.V == v).Select(p => (p, w: all[p.U, p.V])).OrderByDescending(x => x.w).ToList();
            var cut = mine[CompleteGraphMatcher.ViolationsPerVertex - 1].w;
            Assert.All(mine.Where(x => x.w > cut), x => Assert.Contains(x.p, kept));
        }


        // A pass with at most four per member is kept whole.
        var few = violations.Take(4 * n).ToList();
        Assert.Same(few, CompleteGraphMatcher.MostViolated(few, slacks, n));
    }

    [Fact]
    public void Duals_infeasible_on_the_candidate_graph_fail_loudly_instead_of_pricing_forever()
    {
        // A solve whose duals leave one of its own edges violated (a broken solver) would otherwise have the same
        // pair priced, added (already there) and solved again without end.
        var graph = new CandidateGraph(4);
        graph.Add(0, 1, 10);
        graph.Add(2, 3, 10);
        graph.Add(1, 2, 50);
        var last = new MatchingResult([1, 0, 3, 2], [10, 10, 10, 10], []);
        var all = new TriangularWeights(4, (u, v) => (Math.Min(u, v), Math.Max(u, v)) == (1, 2) ? 50 : 10);

        var error = Assert.Throws<InvalidOperationException>(() => CompleteGraphMatcher.PriceAndSolve(all, graph, last, solves: 0));
        Assert.Contains("(1,2)", error.Message);
    }

    [Fact]
    public void A_batch_with_a_bad_edge_is_refused_and_leaves_the_solver_as_it_was()
    {
        (int, int, long)[] first = [(0, 1, 5), (1, 2, 7), (2, 3, 5), (3, 0, 1)];
        var solver = new BlossomSolver(4, first, maxCardinality: true);
        var before = solver.Run();

        Assert.Throws<ArgumentException>(() => solver.Resume([(0, 2, 9), (1, 1, 3)]));

        // Its edges keep the candidate graph's numbering: a good batch after it gets the next indices.
        Assert.Equal(4, solver.EdgeCount);
        var after = solver.Run();
        Assert.Equal(before.Mate, after.Mate);
        Assert.Null(MatchingCertificate.Verify(4, first, true, after));
    }
}
