using System.Diagnostics;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Exact maximum-weight perfect matching of the complete graph for rounds too large to store every pair's
/// weight (above <see cref="PairingEngineOptions.TableLimit"/>). The blocks of <see cref="BlockMatcher"/>
/// give a near-optimal start in parallel: their candidate graphs, matchings and duals, joined into one
/// solution of the whole round. Every pair is then priced against those duals (<see cref="StreamedWeights"/>),
/// the violated pairs join the candidate graph and the whole round is solved again warm, until no pair has
/// negative slack: the duals are then feasible for the complete graph, which proves the matching optimal there.
/// </summary>
internal sealed class ExactBlockMatcher(PairWeights weights, PairingEngineOptions options)
{
    public MatchOutcome Match(IReadOnlyList<int> indices)
    {
        var started = Stopwatch.GetTimestamp();
        var ids = indices.ToArray();
        var n = ids.Length;
        var local = new int[weights.Count];
        for (var i = 0; i < n; i++)
        {
            local[ids[i]] = i;
        }

        var (blocks, built) = new BlockMatcher(weights, options).SolveBlocks(indices);
        var graph = new CandidateGraph(n);
        var mate = new int[n];
        var y = new long[n];
        var blossoms = new List<MatchingBlossom>();
        foreach (var block in blocks)
        {
            var m = block.Members;
            foreach (var (u, v, w) in block.Edges)
            {
                graph.Add(local[m[u]], local[m[v]], w);
            }

            for (var i = 0; i < m.Length; i++)
            {
                mate[local[m[i]]] = local[m[block.Result.Mate[i]]];
                y[local[m[i]]] = block.Result.VertexDual[i];
            }

            blossoms.AddRange(block.Result.Blossoms.Select(b => new MatchingBlossom(b.Dual, [.. b.Vertices.Select(v => local[m[v]])])));
        }

        // Blocks share no vertex, so their duals together are feasible on the union of their graphs.
        var joined = new MatchingResult(mate, y, blossoms);
        var matching = CompleteGraphMatcher.PriceAndSolve(new StreamedWeights(weights, ids), graph, joined, solves: 1);
        var pairs = new List<(int, int)>(n / 2);
        Int128 weight = 0;
        for (var i = 0; i < n; i++)
        {
            var j = matching.Result.Mate[i];
            if (j > i)
            {
                pairs.Add((ids[i], ids[j]));
                weight += weights.Weight(ids[i], ids[j]);
            }
        }

        return new MatchOutcome(pairs, weight, matching.DualObjective, matching.Edges.Count, Exact: true)
        {
            BuildMs = Stopwatch.GetElapsedTime(started, built).TotalMilliseconds,
            SolveMs = Stopwatch.GetElapsedTime(built).TotalMilliseconds,
            Solves = matching.Rounds,
            Graph = options.KeepGraph ? [.. matching.Edges.Select(e => (ids[e.U], ids[e.V], e.W))] : null,
        };
    }
}
