using System.Diagnostics;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Pairing for rounds too large for the complete graph. Members are sorted so that likely partners sit
/// together (waking-hours slot, then in-person region, then interest signature) and cut into even blocks;
/// each block gets a sparse candidate graph (its neighbours in that order, which also close a Hamiltonian
/// path so a perfect matching exists, plus the best of a seeded sample from the block) and is solved
/// exactly there. No pass over all n² pairs is made: the blocks' duals, raised where needed to each
/// member's <see cref="PairWeights.UpperBound"/>, give a dual solution feasible for the complete graph,
/// so the returned bound is a true upper bound on the best possible plan.
/// </summary>
internal sealed class BlockMatcher(PairWeights weights, PairingEngineOptions options, int seed)
{
    public MatchOutcome Match(IReadOnlyList<int> indices)
    {
        var started = Stopwatch.GetTimestamp();
        var order = indices.OrderBy(weights.WakeSlot)
            .ThenBy(i => weights.InPerson(i) && weights.RegionId(i) >= 0 ? weights.RegionId(i) : int.MaxValue)
            .ThenBy(i => weights.Tags(i)[0])
            .ThenBy(i => i)
            .ToArray();
        var blocks = Blocks(order.Length, Math.Max(4, options.BlockSize & ~1));
        var members = blocks.Select(b => order.AsSpan(b.Start, b.Length).ToArray()).ToArray();
        var graphs = new CandidateGraph[blocks.Count];
        Parallel.For(0, blocks.Count, b => graphs[b] = BuildBlock(members[b], b));
        var built = Stopwatch.GetTimestamp();
        var results = new (List<(int, int)> Pairs, Int128 Weight, Int128 Bound, int Edges)[blocks.Count];
        Parallel.For(0, blocks.Count, b => results[b] = SolveBlock(members[b], graphs[b]));

        var pairs = results.SelectMany(r => r.Pairs).ToList();
        return new MatchOutcome(pairs, results.Aggregate(Int128.Zero, (s, r) => s + r.Weight), results.Aggregate(Int128.Zero, (s, r) => s + r.Bound), results.Sum(r => r.Edges), Exact: false)
        {
            BuildMs = Stopwatch.GetElapsedTime(started, built).TotalMilliseconds,
            SolveMs = Stopwatch.GetElapsedTime(built).TotalMilliseconds,
            Graph = options.KeepGraph
                ? [.. graphs.SelectMany((g, b) => g.Edges.Select(e => (members[b][e.U], members[b][e.V], e.W)))]
                : null,
        };
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

    private CandidateGraph BuildBlock(int[] members, int block)
    {
        var n = members.Length;
        var graph = new CandidateGraph(n);
        var random = new Random(unchecked((seed * 1_000_003) + block));
        var sample = new (long W, int U)[options.SampleSize];
        for (var i = 0; i < n; i++)
        {
            for (var d = 1; d <= options.Neighbours && i + d < n; d++)
            {
                graph.Add(i, i + d, weights.Weight(members[i], members[i + d]));
            }

            var drawn = 0;
            for (var s = 0; s < sample.Length && n > 1; s++)
            {
                var u = random.Next(n - 1);
                u = u >= i ? u + 1 : u;
                sample[drawn++] = (weights.Weight(members[i], members[u]), u);
            }

            Array.Sort(sample, 0, drawn, Comparer<(long W, int U)>.Create((x, y) => y.W.CompareTo(x.W)));
            for (var s = 0; s < Math.Min(drawn, options.Candidates); s++)
            {
                graph.Add(i, sample[s].U, sample[s].W);
            }
        }

        return graph;
    }

    private (List<(int, int)> Pairs, Int128 Weight, Int128 Bound, int Edges) SolveBlock(int[] members, CandidateGraph graph)
    {
        var n = members.Length;
        var result = MaxWeightMatching.Solve(n, graph.Edges, maxCardinality: true, graph.GreedyStart());
        var flattened = new BlossomDuals(n, result).Flattened();
        var pairs = new List<(int, int)>(n / 2);
        Int128 weight = 0;
        Int128 twiceBound = 0;
        for (var i = 0; i < n; i++)
        {
            twiceBound += Math.Max(flattened[i], weights.UpperBound(members[i]));
            var j = result.Mate[i];
            if (j > i)
            {
                pairs.Add((members[i], members[j]));
                weight += weights.Weight(members[i], members[j]);
            }
        }

        return (pairs, weight, twiceBound / 2, graph.Edges.Count);
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
