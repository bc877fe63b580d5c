using System.Diagnostics;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Exact maximum-weight perfect matching of the complete graph for rounds too large to store every pair's
/// weight (above <see cref="PairingEngineOptions.TableLimit"/>). Pairs across waking slots share fewer hours, so
/// they rarely belong to the optimum: each slot is first made exact over every pair of its members, the slots in
/// parallel (from a table of its pairs when it fits the table limit, else from the blocks of <see cref="BlockMatcher"/>
/// joined by pricing). A slot with an odd count leaves out the member whose absence costs it least, found exactly by a
/// stand-in vertex of equal weight to every member. Then the slots' solvers are joined into one solver of the whole
/// round, every blossom kept and the left-out members free, every pair is priced against its duals
/// (<see cref="StreamedWeights"/>), the violated pairs join the candidate graph and the whole round is solved again
/// warm, until no pair has negative slack: the duals are then feasible for the complete graph, which proves the
/// matching optimal there.
/// </summary>
/// <param name="keepBlossoms">False: the slots are joined from duals with their blossoms folded into their vertices (tests compare the two).</param>
internal sealed class ExactBlockMatcher(PairWeights weights, PairingEngineOptions options, bool keepBlossoms = true)
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

        // A round in one slot is already exact over every pair; otherwise the slots' solvers are joined with their
        // blossoms kept (JoinKept), or, when a slot has none, from duals with the blossoms folded into their vertices.
        var whole = slots.Length == 1 ? slots[0] : (keepBlossoms ? JoinKept(slots) : null) ?? SolveJoined([.. slots.Select(s => s.Part)], extra: null, resume: false);
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
            JoinFree = slots.Length == 1 ? null : whole.FirstFree,
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
        using var table = new TriangularWeights(odd ? n + 1 : n, (u, row) =>
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
        }, pooled: true);
        var matching = CompleteGraphMatcher.Solve(table, odd ? n + 1 : n);
        var result = odd ? WithoutStandIn(matching.Result, n) : matching.Result;
        return new Joined(new Part(members, result, odd ? [.. matching.Edges.Where(e => e.U < n && e.V < n)] : matching.Edges) { Solver = matching.Solver }, matching.Rounds, matching.DualObjective)
        {
            ChunkMaxima = table.ChunkMaxima(n, StreamedWeights.Chunk),
        };
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

        var streamed = new StreamedWeights(weights, ids);
        var matching = CompleteGraphMatcher.PriceAndSolve(streamed, graph, start, solves: 0, nearWithin: nearWithin, resume: resume);
        var result = extra is null ? matching.Result : WithoutStandIn(matching.Result, n);
        var edges = extra is null ? matching.Edges : [.. matching.Edges.Where(e => e.U < n && e.V < n)];
        return new Joined(new Part(ids, result, edges) { Solver = matching.Solver }, matching.Rounds, matching.DualObjective)
        {
            FirstFree = matching.FirstFree,
            ChunkMaxima = streamed.ChunkMaxima,
        };
    }

    /// <summary>
    /// The slots joined with every blossom kept (<see cref="BlossomSolver.Merge"/>): each odd slot's stand-in is
    /// detached, which frees the member it had left out, those members' duals are raised to cover their pairs across
    /// slots, and the whole round is priced and solved from there. Null when a slot has no solver to join.
    /// </summary>
    private Joined? JoinKept(Joined[] slots)
    {
        if (slots.Any(s => s.Part.Solver is null))
        {
            return null;
        }

        var (joined, graph, ids) = Merged(slots);
        var n = ids.Length;
        var firstNew = graph.Edges.Count;
        var current = joined.Current();
        var duals = new BlossomDuals(n, current);
        var y = current.VertexDual;
        var free = Enumerable.Range(0, n).Where(v => current.Mate[v] < 0).ToArray();
        var covers = new FreeCover(n);
        foreach (var x in free)
        {
            // The member's top-level blossom rises as a unit (a pair inside it keeps its slack, one leaving it gains).
            var raise = Cover(graph, x, y, duals, ids, covers) - y[x];
            if (raise > 0)
            {
                joined.RaiseFree(x, raise);
                if (duals.Outer(x) < 0)
                {
                    y[x] += raise;
                }
                else
                {
                    // The raise moved a whole blossom, or dissolved it: read the duals again.
                    current = joined.Current();
                    (duals, y) = (new BlossomDuals(n, current), current.VertexDual);
                }
            }
        }

        PairAmong(graph, free, ids);
        joined.Resume([.. graph.Edges.Skip(firstNew)]);
        var start = joined.Current();
        var reach = Reach([.. Enumerable.Range(0, n).Where(v => start.Mate[v] < 0)], start.VertexDual, ids);
        var streamed = new StreamedWeights(weights, ids);
        var offset = 0;
        foreach (var slot in slots)
        {
            // What each slot's own pricing (or table) learned of its heaviest pairs bounds the pairs within it.
            if (slot.ChunkMaxima is { } maxima)
            {
                streamed.Inherit(offset, slot.Part.Members.Length, maxima);
            }

            offset += slot.Part.Members.Length;
        }

        streamed.PartsAreExact();

        var matching = CompleteGraphMatcher.PriceAndSolve(streamed, graph, start, solves: 0, solver: joined, nearWithin: reach, lowerLimit: ResumeLowerLimit(n));
        return new Joined(new Part(ids, matching.Result, matching.Edges) { Solver = matching.Solver }, matching.Rounds, matching.DualObjective) { FirstFree = matching.FirstFree };
    }

    /// <summary>
    /// The slots' solvers as one (<see cref="BlossomSolver.Merge"/>), each odd slot's stand-in detached, with the
    /// candidate graph listing the solver's edges in its order and the member index of each vertex.
    /// </summary>
    private static (BlossomSolver Joined, CandidateGraph Graph, int[] Ids) Merged(Joined[] slots)
    {
        int[] ids = [.. slots.SelectMany(s => s.Part.Members)];
        var parts = new List<(BlossomSolver, int[])>(slots.Length);
        var offset = 0;
        foreach (var slot in slots)
        {
            var solver = slot.Part.Solver!;
            var members = slot.Part.Members.Length;
            var map = new int[solver.VertexCount];
            for (var v = 0; v < map.Length; v++)
            {
                map[v] = v < members ? offset + v : -1;
            }

            for (var v = members; v < map.Length; v++)
            {
                solver.Detach(v);
            }

            parts.Add((solver, map));
            offset += members;
        }

        var joined = BlossomSolver.Merge(ids.Length, parts, out var edges);
        var graph = new CandidateGraph(ids.Length, edges.Count + (ids.Length / 4));
        foreach (var (u, v, w) in edges)
        {
            graph.Add(u, v, w);
        }

        return (joined, graph, ids);
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
        var covers = new FreeCover(ids.Length);
        foreach (var x in free)
        {
            y[x] = Cover(graph, x, y, shared: null, ids, covers);
        }

        PairAmong(graph, free, ids);
        return (new MatchingResult(start.Mate, y, []), Reach(free, y, ids));
    }

    /// <summary>
    /// The least dual free member x needs for every pair it is in to have a non-negative slack, with vertex duals
    /// <paramref name="y"/> and the blossom duals x shares (<paramref name="shared"/>; none when folded); the
    /// <see cref="FreeCandidates"/> pairs that bind it hardest (in any slot) join the graph, so the first solve has
    /// its likely partners without waiting for a pricing pass.
    /// </summary>
    private long Cover(CandidateGraph graph, int x, long[] y, BlossomDuals? shared, int[] ids, FreeCover scratch)
    {
        var (n, need, order) = (ids.Length, scratch.Need, scratch.Order);
        for (var v = 0; v < n; v++)
        {
            need[v] = v == x ? long.MinValue : (2 * weights.Weight(ids[x], ids[v])) - y[v] - (2 * (shared?.Shared(x, v) ?? 0));
            order[v] = v;
        }

        Array.Sort(need, order);
        for (var i = n - 1; i >= Math.Max(1, n - FreeCandidates); i--)
        {
            graph.Add(x, order[i], weights.Weight(ids[x], ids[order[i]]));
        }

        return need[n - 1];
    }

    /// <summary>The free members can only pair across parts: an edge between every two of them gives the candidate graph a perfect matching.</summary>
    private void PairAmong(CandidateGraph graph, int[] free, int[] ids)
    {
        for (var i = 0; i < free.Length; i++)
        {
            for (var j = i + 1; j < free.Length; j++)
            {
                graph.Add(free[i], free[j], weights.Weight(ids[free[i]], ids[free[j]]));
            }
        }
    }

    /// <summary>The most a free member's dual can fall before it pairs with another free one: the reach of the first solve.</summary>
    private long Reach(int[] free, long[] y, int[] ids)
    {
        var reach = 0L;
        foreach (var x in free.Length > 1 ? free : [])
        {
            var least = free.Where(f => f != x).Max(f => (2 * weights.Weight(ids[x], ids[f])) - y[f]);
            reach = Math.Max(reach, y[x] - least);
        }

        return reach;
    }

    /// <summary>Buffers for <see cref="Cover"/>, one per vertex.</summary>
    private sealed class FreeCover(int n)
    {
        public long[] Need { get; } = new long[n];

        public int[] Order { get; } = new int[n];
    }

    /// <summary>
    /// The largest blocks a slot above the table limit starts from. Larger blocks start the slot's join closer to its
    /// optimum but cost more to solve than the join saves beyond this size: at 10,000 members in one zone, twelve rounds
    /// took 10.7-11.0 s in blocks of 1,000, 11.3-11.6 s in blocks of 500 and 11.5-11.6 s in blocks of 2,000
    /// (docs/PERFORMANCE.md). The rounds above the exact limit stop at the blocks, so they use larger ones
    /// (<see cref="PairingEngineOptions.BlockSize"/>).
    /// </summary>
    internal const int SlotBlockSize = 1000;

    /// <summary>
    /// How many vertices a resumed solve of the round's join may lower before a sample of rows is priced to tell whether
    /// it ran away, and if so it is dropped and solved again from the repaired duals, blossoms folded
    /// (<see cref="CompleteGraphMatcher.PriceAndSolve"/>): the resumed re-solves of the 10,000-member joins lowered
    /// 1-7 vertices, or 187 without leaving a violated pair, and the ones that ran away 465-471.
    /// </summary>
    internal static int ResumeLowerLimit(int n) => Math.Max(64, n / 64);

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
    private sealed record Part(int[] Members, MatchingResult Result, IReadOnlyList<(int U, int V, long W)> Edges)
    {
        /// <summary>
        /// The solver the part's result came from, blossoms intact, when there was one: its vertices are the members in
        /// order, then the stand-in of an odd part.
        /// </summary>
        public BlossomSolver? Solver { get; init; }
    }

    /// <summary>A part made exact over every pair of its members, with the solves it took and its dual objective.</summary>
    private sealed record Joined(Part Part, int Solves, Int128 Objective)
    {
        /// <summary>Members free when the join's first solve began.</summary>
        public int FirstFree { get; init; }

        /// <summary>The heaviest pair per member and chunk of the part's members, where its pricing or table knows it (see <see cref="StreamedWeights.Inherit"/>).</summary>
        public long[]? ChunkMaxima { get; init; }
    }
}
