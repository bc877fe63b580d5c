using System.Diagnostics;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Exact maximum-weight perfect matching of the complete graph for rounds too large to store every pair's
/// weight (above <see cref="PairingEngineOptions.TableLimit"/>). Pairs across waking slots share fewer hours, so
/// they rarely belong to the optimum: each slot is first made exact over every pair of its members, the slots in
/// parallel (from a table of its pairs when it fits the table limit, else from the blocks of <see cref="BlockMatcher"/>
/// joined by pricing). A slot with an odd count leaves out the member whose absence costs it least, found exactly by a
/// stand-in vertex of equal weight to every member. Then the slots are joined into one solution of the whole round,
/// the left-out members free, every pair is priced against its duals (<see cref="StreamedWeights"/>), the violated
/// pairs join the candidate graph and the whole round is solved again warm, until no pair has negative slack: the
/// duals are then feasible for the complete graph, which proves the matching optimal there.
/// </summary>
internal sealed class ExactBlockMatcher(PairWeights weights, PairingEngineOptions options)
{
    public MatchOutcome Match(IReadOnlyList<int> indices)
    {
        if (indices.Count % 2 != 0)
        {
            throw new ArgumentException("A perfect matching needs an even number of members.", nameof(indices));
        }

        var started = Stopwatch.GetTimestamp();
        var slots = SolveSlots(indices);
        var built = Stopwatch.GetTimestamp();

        // A round in one slot is already exact over every pair; otherwise the slots are joined without resuming the
        // solver: its blossoms grow to hold a third of the round, and raising one as a unit (BlossomSolver.Resume) lowers
        // every pair leaving it (1.5 million violated pairs in a 10,000-member round 1, against 3,405 from a repair).
        var whole = slots.Length == 1 ? slots[0] : SolveJoined([.. slots.Select(s => s.Part)], extra: null, resume: false);
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
    /// An upper bound on every perfect matching of <paramref name="indices"/>: each waking slot made exact over every
    /// pair of its members (as <see cref="Match"/> does before joining the slots), its dual solution kept, and each
    /// member's dual raised where needed to the most a partner outside its slot could weigh (no blossom spans two
    /// slots, so those pairs see vertex duals only). Per slot the lower of two objectives: with its blossoms, or with
    /// them folded into their vertices (higher duals, so fewer raises). The benchmark's certificate for rounds above the
    /// exact limit (<see cref="BlockBound.SlotExact"/>), whose blocks' own duals cannot move across blocks.
    /// </summary>
    public Int128 SlotBound(IReadOnlyList<int> indices)
    {
        Int128 twice = 0;
        foreach (var part in SolveSlots(indices).Select(s => s.Part))
        {
            var result = part.Result;
            var flattened = new BlossomDuals(part.Members.Length, result).Flattened();
            Int128 kept = result.Blossoms.Aggregate(Int128.Zero, (sum, b) => sum + ((Int128)b.Dual * (b.Vertices.Length - 1)));
            Int128 folded = 0;
            for (var i = 0; i < part.Members.Length; i++)
            {
                var outside = weights.UpperBoundOutsideSlot(part.Members[i]);
                kept += Math.Max(result.VertexDual[i], outside);
                folded += Math.Max(flattened[i], outside);
            }

            twice += Int128.Min(kept, folded);
        }

        return twice / 2;
    }

    /// <summary>Each waking slot of <paramref name="indices"/> made exact (<see cref="SolveSlot"/>), in slot order, the slots in parallel.</summary>
    private Joined[] SolveSlots(IReadOnlyList<int> indices)
    {
        var bySlot = indices.GroupBy(weights.WakeSlot).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var slots = new Joined[bySlot.Length];
        Parallel.For(0, bySlot.Length, s => slots[s] = SolveSlot(bySlot[s]));
        return slots;
    }

    /// <summary>
    /// One waking slot made exact over every pair of its members. A slot with an odd count leaves one member free
    /// (the one whose absence costs the slot least) for the whole round's join to pair across slots. Up to the table
    /// limit every pair's weight is stored; a larger slot is cut into blocks and joined by pricing, as the round is.
    /// </summary>
    private Joined SolveSlot(int[] members)
    {
        var odd = members.Length % 2 == 1;
        if (members.Length <= options.TableLimit)
        {
            return TableSlot(members, odd);
        }

        var blockOptions = options with { BlockSize = Math.Min(options.BlockSize, SlotBlockSize) };
        var (blocks, _) = new BlockMatcher(weights, blockOptions).SolveBlocks(odd ? members[..^1] : members);
        return SolveJoined([.. blocks.Select(b => new Part(b.Members, b.Result, b.Edges))], odd ? members[^1] : null, resume: true);
    }

    private Joined TableSlot(int[] members, bool odd)
    {
        var n = members.Length;
        var rows = weights.TableRows(members);
        var table = new TriangularWeights(odd ? n + 1 : n, (u, row) =>
        {
            if (u < n)
            {
                rows(u, row);
            }

            if (odd && row.Length > 0)
            {
                // The stand-in (vertex n): the same weight to everyone, so only the cost of leaving a member out decides.
                row[^1] = 0;
            }
        });
        var matching = CompleteGraphMatcher.Solve(table, odd ? n + 1 : n);
        var result = odd ? WithoutStandIn(matching.Result, n) : matching.Result;
        return new Joined(new Part(members, result, odd ? [.. matching.Edges.Where(e => e.U < n && e.V < n)] : matching.Edges), matching.Rounds, matching.DualObjective);
    }

    /// <summary>
    /// Joins solved parts (no shared member, so their duals together are feasible on the union of their graphs)
    /// and makes the result optimal over every pair of their members. Members a part left free (the one an odd slot
    /// gave up) are matched here. With <paramref name="extra"/> (one more member, making the set odd) the result
    /// leaves one member free: the one whose absence costs least, found exactly by matching a stand-in vertex
    /// joined to every member by equal weights. <paramref name="resume"/>: whether later solves go on from the last
    /// solver (<see cref="CompleteGraphMatcher.PriceAndSolve"/>).
    /// </summary>
    private Joined SolveJoined(IReadOnlyList<Part> parts, int? extra, bool resume)
    {
        int[] ids = [.. parts.SelectMany(p => p.Members), .. extra is { } e ? [e] : Array.Empty<int>()];
        var n = ids.Length;
        var local = new Dictionary<int, int>(n);
        for (var i = 0; i < n; i++)
        {
            local[ids[i]] = i;
        }

        var vertices = extra is null ? n : n + 1;
        var graph = new CandidateGraph(vertices, parts.Sum(p => p.Edges.Count) + vertices);
        var mate = new int[vertices];
        Array.Fill(mate, -1);
        var y = new long[vertices];
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
                mate[local[m[i]]] = part.Result.Mate[i] < 0 ? -1 : local[m[part.Result.Mate[i]]];
                y[local[m[i]]] = part.Result.VertexDual[i];
            }

            blossoms.AddRange(part.Result.Blossoms.Select(b => new MatchingBlossom(b.Dual, [.. b.Vertices.Select(v => local[m[v]])])));
        }

        if (extra is not null)
        {
            StandIn(graph, mate, y, n);
        }

        var start = new MatchingResult(mate, y, blossoms);
        var free = Enumerable.Range(0, n).Where(v => mate[v] < 0).ToArray();
        var nearWithin = 0L;
        if (free.Length > 0)
        {
            (start, nearWithin) = PairFree(graph, start, free, ids);
        }

        var matching = CompleteGraphMatcher.PriceAndSolve(new StreamedWeights(weights, ids), graph, start, solves: 0, nearWithin: nearWithin, resume: resume);
        var result = extra is null ? matching.Result : WithoutStandIn(matching.Result, n);
        var edges = extra is null ? matching.Edges : [.. matching.Edges.Where(e => e.U < n && e.V < n)];
        return new Joined(new Part(ids, result, edges), matching.Rounds, matching.DualObjective);
    }

    /// <summary>
    /// Vertex n stands in for a partner outside the set: an edge of the same weight K to every member, so the
    /// optimum over the n + 1 vertices leaves free (matches to it) the member whose absence costs least. The extra
    /// member (vertex n - 1), new to the parts, starts matched to it; K is at most half the least dual of the
    /// others, so the stand-in's zero dual covers its edges, and pricing finds the extra member's own pairs.
    /// </summary>
    private static void StandIn(CandidateGraph graph, int[] mate, long[] y, int n)
    {
        var least = n > 1 ? long.MaxValue : 0;
        for (var v = 0; v < n - 1; v++)
        {
            least = Math.Min(least, y[v]);
        }

        var k = least >> 1;
        for (var v = 0; v < n; v++)
        {
            graph.Add(v, n, k);
        }

        (mate[n - 1], mate[n]) = (n, n - 1);
        (y[n - 1], y[n]) = (2 * k, 0);
    }

    /// <summary>
    /// The free members can only pair across parts; an edge between every two of them gives the candidate graph a
    /// perfect matching, and each one's dual is raised to cover its edges (raising a free vertex's dual keeps every
    /// other constraint). Blossom duals are folded into the vertices first, as the repair would.
    /// </summary>
    private (MatchingResult Start, long NearWithin) PairFree(CandidateGraph graph, MatchingResult start, int[] free, int[] ids)
    {
        var y = new BlossomDuals(start.Mate.Length, start).Flattened();
        var n = ids.Length;
        var need = new long[n];
        var order = new int[n];
        foreach (var x in free)
        {
            // Each free member's dual rises to cover every pair it is in, and the pairs that bind it hardest (in any
            // slot) join the graph, so the first solve has its likely partners without waiting for a pricing pass.
            for (var v = 0; v < n; v++)
            {
                need[v] = v == x ? long.MinValue : (2 * weights.Weight(ids[x], ids[v])) - y[v];
                order[v] = v;
            }

            Array.Sort(need, order);
            for (var i = n - 1; i >= Math.Max(1, n - FreeCandidates); i--)
            {
                graph.Add(x, order[i], weights.Weight(ids[x], ids[order[i]]));
            }

            y[x] = need[n - 1];
        }

        for (var i = 0; i < free.Length; i++)
        {
            for (var j = i + 1; j < free.Length; j++)
            {
                graph.Add(free[i], free[j], weights.Weight(ids[free[i]], ids[free[j]]));
            }
        }

        // The most a free member's dual can fall before it pairs with another free one: the reach of the first solve.
        var reach = 0L;
        foreach (var x in free.Length > 1 ? free : [])
        {
            var least = free.Where(f => f != x).Max(f => (2 * weights.Weight(ids[x], ids[f])) - y[f]);
            reach = Math.Max(reach, y[x] - least);
        }

        return (new MatchingResult(start.Mate, y, []), reach);
    }

    /// <summary>
    /// The largest blocks a slot above the table limit starts from. Larger blocks start the slot's join closer to its
    /// optimum but cost more to solve than the join saves beyond this size: at 10,000 members in one zone, twelve rounds
    /// took 10.7-11.0 s in blocks of 1,000, 11.3-11.6 s in blocks of 500 and 11.5-11.6 s in blocks of 2,000
    /// (docs/PERFORMANCE.md). The rounds above the exact limit stop at the blocks, so they use larger ones
    /// (<see cref="PairingEngineOptions.BlockSize"/>).
    /// </summary>
    internal const int SlotBlockSize = 1000;

    /// <summary>Partners added per free member before the first solve of a join (the least slack ones).</summary>
    private const int FreeCandidates = 64;

    /// <summary>
    /// The set's own solution without the stand-in: its mate is left free, and blossoms holding it are folded into
    /// their other vertices' duals (every pair among the members keeps a slack at least as large).
    /// </summary>
    private static MatchingResult WithoutStandIn(MatchingResult result, int n)
    {
        var mate = result.Mate[..n];
        var y = result.VertexDual[..n];
        var exposed = result.Mate[n];
        mate[exposed] = -1;
        var kept = new List<MatchingBlossom>();
        foreach (var b in result.Blossoms)
        {
            if (!b.Vertices.Contains(n))
            {
                kept.Add(b);
                continue;
            }

            foreach (var v in b.Vertices.Where(v => v != n))
            {
                y[v] += b.Dual;
            }
        }

        return new MatchingResult(mate, y, kept);
    }

    /// <summary>A solved set of members: member index per vertex, mates and duals, candidate graph.</summary>
    private sealed record Part(int[] Members, MatchingResult Result, IReadOnlyList<(int U, int V, long W)> Edges);

    /// <summary>A part made exact over every pair of its members, with the solves it took and its dual objective.</summary>
    private sealed record Joined(Part Part, int Solves, Int128 Objective);
}
