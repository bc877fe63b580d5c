using System.Diagnostics;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Pairing for rounds too large for one complete graph. Members are sorted so that likely partners sit
/// together (waking-hours slot, then in-person region, then interest signature) and cut into even blocks
/// of about <see cref="PairingEngineOptions.BlockSize"/>; each block is matched exactly on its candidate
/// graph (each member's heaviest and mutual-best partners in the block, see <see cref="CompleteGraphMatcher"/>).
/// No pass over all n² pairs is
/// made: the blocks' duals, raised where needed to each member's <see cref="PairWeights.UpperBound"/>,
/// form a dual solution feasible for the whole complete graph, so the returned bound is a true upper bound
/// on the best possible plan. Blocks are independent, so they are built and solved in parallel; each
/// block's result depends only on its members, so the plan stays deterministic.
/// </summary>
internal sealed class BlockMatcher(PairWeights weights, PairingEngineOptions options)
{
    public MatchOutcome Match(IReadOnlyList<int> indices)
    {
        var started = Stopwatch.GetTimestamp();
        var order = indices.OrderBy(weights.WakeSlot)
            .ThenBy(i => weights.InPerson(i) && weights.RegionId(i) >= 0 ? weights.RegionId(i) : int.MaxValue)
            .ThenBy(i => weights.Tags(i)[0])
            .ThenBy(i => i)
            .ToArray();
        var members = SlotBlocks(order);
        var upper = new long[weights.Count];
        foreach (var i in order)
        {
            upper[i] = weights.UpperBound(i);
        }

        var graphs = new TriangularWeights[members.Length];
        Parallel.For(0, members.Length, () => new int[weights.Count], (b, _, scratch) =>
        {
            var block = members[b];
            graphs[b] = new TriangularWeights(block.Length, (u, row) => weights.Row(block[u], block.AsSpan(u + 1), row, scratch));
            return scratch;
        }, _ => { });
        var built = Stopwatch.GetTimestamp();
        var results = new (List<(int, int)> Pairs, Int128 Weight, Int128 Bound, IReadOnlyList<(int U, int V, long W)> Edges)[members.Length];
        Parallel.For(0, members.Length, b => results[b] = SolveBlock(members[b], graphs[b], upper));

        var pairs = results.SelectMany(r => r.Pairs).ToList();
        return new MatchOutcome(pairs, results.Aggregate(Int128.Zero, (s, r) => s + r.Weight), results.Aggregate(Int128.Zero, (s, r) => s + r.Bound), results.Sum(r => r.Edges.Count), Exact: false)
        {
            BuildMs = Stopwatch.GetElapsedTime(started, built).TotalMilliseconds,
            SolveMs = Stopwatch.GetElapsedTime(built).TotalMilliseconds,
            Graph = options.KeepGraph ? [.. results.SelectMany((r, b) => r.Edges.Select(e => (members[b][e.U], members[b][e.V], e.W)))] : null,
        };
    }

    /// <summary>
    /// Blocks never straddle two waking-hours slots: a block across a slot boundary would pair a member of
    /// each side with fewer shared hours whenever its part of a slot is odd. Each slot's run is cut into
    /// blocks; a slot with an odd count gives its last member to one small block of such leftovers.
    /// </summary>
    private int[][] SlotBlocks(int[] order)
    {
        var size = Math.Max(4, options.BlockSize & ~1);
        var blocks = new List<int[]>();
        var leftovers = new List<int>();
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && weights.WakeSlot(order[end]) == weights.WakeSlot(order[start]))
            {
                end++;
            }

            var run = order[start..end];
            if (run.Length % 2 == 1)
            {
                leftovers.Add(run[^1]);
                run = run[..^1];
            }

            blocks.AddRange(Blocks(run.Length, size).Select(b => run[b.Start..(b.Start + b.Length)]));
            start = end;
        }

        if (leftovers.Count > 0)
        {
            blocks.Add([.. leftovers]);
        }

        return [.. blocks.Where(b => b.Length > 0)];
    }

    /// <summary>Consecutive even blocks of about the given size; a short remainder joins the last block.</summary>
    private static List<(int Start, int Length)> Blocks(int count, int size)
    {
        var blocks = new List<(int, int)>();
        for (var start = 0; start < count; start += size)
        {
            var length = Math.Min(size, count - start);
            if (length < size / 2 && blocks.Count > 0)
            {
                var (s, l) = blocks[^1];
                blocks[^1] = (s, l + length);
            }
            else
            {
                blocks.Add((start, length));
            }
        }

        return blocks;
    }

    private static (List<(int, int)> Pairs, Int128 Weight, Int128 Bound, IReadOnlyList<(int U, int V, long W)> Edges) SolveBlock(int[] members, TriangularWeights graph, long[] upper)
    {
        var n = members.Length;
        // Optimal on the block's candidate graph (heaviest and mutual-best partners); the bound below covers
        // every other pair, so a pricing pass per block would cost more than it could prove.
        var matching = CompleteGraphMatcher.Solve(graph, n, price: false);
        var result = matching.Result;
        var flattened = new BlossomDuals(n, result).Flattened();
        var pairs = new List<(int, int)>(n / 2);
        Int128 weight = 0;
        Int128 twiceBound = 0;
        for (var i = 0; i < n; i++)
        {
            twiceBound += Math.Max(flattened[i], upper[members[i]]);
            var j = result.Mate[i];
            if (j > i)
            {
                pairs.Add((members[i], members[j]));
                weight += graph[i, j];
            }
        }

        return (pairs, weight, twiceBound / 2, matching.Edges);
    }
}

/// <summary>
/// A matching of a round with what it proves: <see cref="Bound"/> is an upper bound on the weight of any
/// perfect matching of the complete graph (equal to <see cref="Weight"/> when <see cref="Exact"/>).
/// Timings and the kept candidate graph are for the benchmark only; they never influence the result.
/// </summary>
internal sealed record MatchOutcome(List<(int A, int B)> Pairs, Int128 Weight, Int128 Bound, int CandidateEdges, bool Exact)
{
    public double BuildMs { get; init; }

    public double SolveMs { get; init; }

    /// <summary>The candidate graph in member indices, when <see cref="PairingEngineOptions.KeepGraph"/> asks for it.</summary>
    public List<(int U, int V, long W)>? Graph { get; init; }
}
