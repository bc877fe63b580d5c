using System.Diagnostics;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Exact maximum-weight perfect matching of the complete graph for rounds too large to store every pair's
/// weight (above <see cref="PairingEngineOptions.TableLimit"/>). The blocks of <see cref="BlockMatcher"/>
/// give a near-optimal start in parallel: their candidate graphs, matchings and duals. Blocks never straddle a
/// waking slot, so the blocks of one slot are joined and solved exactly over every pair of that slot first, the
/// slots in parallel (a solve's cost grows faster than its size, and pairs across slots share fewer waking hours,
/// so they rarely belong to the optimum). Then the slots are joined into one solution of the whole round, every
/// pair is priced against its duals (<see cref="StreamedWeights"/>), the violated pairs join the candidate graph
/// and the whole round is solved again warm, until no pair has negative slack: the duals are then feasible for
/// the complete graph, which proves the matching optimal there.
/// </summary>
internal sealed class ExactBlockMatcher(PairWeights weights, PairingEngineOptions options)
{
    public MatchOutcome Match(IReadOnlyList<int> indices)
    {
        var started = Stopwatch.GetTimestamp();
        var (blocks, built) = new BlockMatcher(weights, options).SolveBlocks(indices);

        // The block of leftovers (one member of each slot with an odd count) mixes slots and stays on its own.
        var groups = blocks
            .GroupBy(b => b.Members.All(m => weights.WakeSlot(m) == weights.WakeSlot(b.Members[0])) ? weights.WakeSlot(b.Members[0]) : -1)
            .Select(g => g.Select(b => new Part(b.Members, b.Result, b.Edges)).ToArray())
            .ToArray();
        var slots = new Part[groups.Length];
        Parallel.For(0, groups.Length, g => slots[g] = SolveJoined(groups[g]).Part);

        var whole = SolveJoined(slots);
        var ids = whole.Part.Members;
        var mate = whole.Part.Result.Mate;
        var pairs = new List<(int, int)>(ids.Length / 2);
        Int128 weight = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (mate[i] > i)
            {
                pairs.Add((ids[i], ids[mate[i]]));
                weight += weights.Weight(ids[i], ids[mate[i]]);
            }
        }

        return new MatchOutcome(pairs, weight, whole.Objective, whole.Part.Edges.Count, Exact: true)
        {
            BuildMs = Stopwatch.GetElapsedTime(started, built).TotalMilliseconds,
            SolveMs = Stopwatch.GetElapsedTime(built).TotalMilliseconds,
            Solves = whole.Solves,
            Graph = options.KeepGraph ? [.. whole.Part.Edges.Select(e => (ids[e.U], ids[e.V], e.W))] : null,
        };
    }

    /// <summary>
    /// Joins solved parts (no shared member, so their duals together are feasible on the union of their graphs)
    /// and makes the result optimal over every pair of their members.
    /// </summary>
    private (Part Part, int Solves, Int128 Objective) SolveJoined(IReadOnlyList<Part> parts)
    {
        var ids = parts.SelectMany(p => p.Members).ToArray();
        var n = ids.Length;
        var local = new Dictionary<int, int>(n);
        for (var i = 0; i < n; i++)
        {
            local[ids[i]] = i;
        }

        var graph = new CandidateGraph(n);
        var mate = new int[n];
        var y = new long[n];
        var blossoms = new List<MatchingBlossom>();
        foreach (var part in parts)
        {
            var m = part.Members;
            foreach (var (u, v, w) in part.Edges)
            {
                graph.Add(local[m[u]], local[m[v]], w);
            }

            for (var i = 0; i < m.Length; i++)
            {
                mate[local[m[i]]] = local[m[part.Result.Mate[i]]];
                y[local[m[i]]] = part.Result.VertexDual[i];
            }

            blossoms.AddRange(part.Result.Blossoms.Select(b => new MatchingBlossom(b.Dual, [.. b.Vertices.Select(v => local[m[v]])])));
        }

        var matching = CompleteGraphMatcher.PriceAndSolve(new StreamedWeights(weights, ids), graph, new MatchingResult(mate, y, blossoms), solves: 0);
        return (new Part(ids, matching.Result, matching.Edges), matching.Rounds, matching.DualObjective);
    }

    /// <summary>A solved set of members: member index per vertex, mates and duals, candidate graph.</summary>
    private sealed record Part(int[] Members, MatchingResult Result, IReadOnlyList<(int U, int V, long W)> Edges);
}
