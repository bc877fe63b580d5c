namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// Exact maximum-weight perfect matching of a complete graph with an even number of vertices, without
/// giving the blossom solver all n²/2 edges. It solves on a sparse candidate graph (each vertex's best
/// partners plus a Hamiltonian cycle, so a perfect matching always exists), then prices every other pair
/// against the dual solution: a pair with negative slack joins the graph and the solve restarts warm from
/// the repaired duals. When no pair has negative slack the duals are feasible for the complete graph, so
/// the dual certificate proves the matching optimal there (column generation, as in Blossom V's use).
/// </summary>
internal static class CompleteGraphMatcher
{
    /// <summary>Partners per vertex in the first candidate graph; pricing adds whatever else is needed.</summary>
    public const int DefaultCandidates = 5;

    /// <summary>
    /// Extra partners per vertex chosen by weight relative to the partner's best (see
    /// <see cref="TriangularWeights.BestAll"/>): they anticipate most of what pricing would
    /// add, so one pricing round usually proves the optimum (measured at 1,000 members: 2 solves, not 4).
    /// </summary>
    public const int DefaultMutualCandidates = 20;

    public static PerfectMatching Solve(int n, Func<int, int, long> weight, int candidatesPerVertex = DefaultCandidates, int mutualCandidates = DefaultMutualCandidates) =>
        Solve(new TriangularWeights(n, weight), n, candidatesPerVertex, mutualCandidates);

    /// <param name="all">The complete graph's weights.</param>
    /// <param name="n">Vertices (even).</param>
    /// <param name="candidatesPerVertex">Heaviest partners per vertex in the first candidate graph.</param>
    /// <param name="mutualCandidates">Mutual-best partners per vertex in the first candidate graph.</param>
    /// <param name="price">False: stop after the first solve (optimal on the candidate graph only, no pricing pass).</param>
    public static PerfectMatching Solve(TriangularWeights all, int n, int candidatesPerVertex = DefaultCandidates, int mutualCandidates = DefaultMutualCandidates, bool price = true)
    {
        if (n % 2 != 0)
        {
            throw new ArgumentException("A perfect matching needs an even number of vertices.", nameof(n));
        }

        var graph = new CandidateGraph(n, n * (candidatesPerVertex + mutualCandidates + 1));
        var (heaviest, mutual) = all.BestAll(candidatesPerVertex, mutualCandidates, all.RowMaxima());
        for (var v = 0; v < n; v++)
        {
            foreach (var u in heaviest[v])
            {
                graph.Add(v, u, all[v, u]);
            }

            foreach (var u in mutual[v])
            {
                graph.Add(v, u, all[v, u]);
            }

            if (n > 1)
            {
                graph.Add(v, (v + 1) % n, all[v, (v + 1) % n]);
            }
        }

        var solver = new BlossomSolver(n, graph.Edges, maxCardinality: true, graph.GreedyStart());
        var first = solver.Run();
        return price ? PriceAndSolve(all, graph, first, solves: 1, solver) : new PerfectMatching(first, graph.Edges, 1, new BlossomDuals(n, first).Objective());
    }

    /// <summary>
    /// Prices a perfect matching of the candidate graph (with its duals) against every pair of the complete
    /// graph; while some pair has negative slack, adds it, repairs the duals and solves again warm. The result
    /// is the complete graph's optimum, certified by duals feasible for every pair.
    /// </summary>
    /// <param name="all">The complete graph's weights.</param>
    /// <param name="graph">The candidate graph <paramref name="last"/> is optimal on; grows by the violated pairs.</param>
    /// <param name="last">
    /// A matching of <paramref name="graph"/> with duals feasible on it, perfect or with free vertices that the graph
    /// can still match (the first solve then runs even when no pair is violated).
    /// </param>
    /// <param name="solves">Solves already made, for the count in the result.</param>
    /// <param name="solver">
    /// The solver <paramref name="last"/> came from, when the caller has it: it then takes the new pairs and goes on
    /// with its blossoms (<see cref="BlossomSolver.Resume"/>). Without it the first re-solve starts from the
    /// repaired duals (<see cref="CandidateGraph.Repair"/>), and later ones go on from that solver.
    /// </param>
    /// <param name="nearWithin">On the first pricing, near pairs within this slack join the graph even when none is violated.</param>
    /// <param name="resume">
    /// False: every re-solve starts from the repaired duals instead of resuming the solver (for graphs whose blossoms grow
    /// to hold a large share of the vertices, where raising one as a unit lowers every pair leaving it).
    /// </param>
    /// <param name="lowerLimit">
    /// For a solver whose resumed solves can run away (any value below the vertex count turns this on): a resumed solve
    /// that lowers more vertices than this (see <see cref="Lowered"/>) after a pass without <paramref name="nearWithin"/>
    /// is priced on a sample of rows, and when it ran away (<see cref="RanAway"/>) it is dropped and the pass solved
    /// again from the repaired duals; so is a pass that finds more than four violated pairs per vertex instead of being
    /// resumed.
    /// </param>
    /// <param name="sampleLimit">Violated pairs the sample may show before the resumed solve is dropped (default: one per sampled row; negative: always dropped).</param>
    public static PerfectMatching PriceAndSolve(ICompleteWeights all, CandidateGraph graph, MatchingResult last, int solves, BlossomSolver? solver = null, long nearWithin = 0, bool resume = true, int lowerLimit = int.MaxValue, int? sampleLimit = null)
    {
        var n = graph.VertexCount;
        int? firstFree = null;
        BlossomDuals? known = null;
        while (true)
        {
            var duals = known ?? new BlossomDuals(n, last);
            known = null;
            var near = new List<(int U, int V, long W)>();
            var slacks = new List<long>();
            var violations = all.Violations(last.VertexDual, duals, near, nearWithin, slacks);
            var covered = nearWithin > 0;
            nearWithin = 0;
            if (violations.Count == 0 && Array.IndexOf(last.Mate, -1) < 0)
            {
                return new PerfectMatching(last, graph.Edges, solves, duals.Objective()) { Solver = solver, FirstFree = firstFree ?? 0 };
            }

            var ranAway = violations.Count > 4 * n;
            violations = MostViolated(violations, slacks, n);
            var firstNew = graph.Edges.Count;
            graph.Reserve(near.Count + violations.Count);
            foreach (var (u, v, w) in near)
            {
                graph.Add(u, v, w);
            }

            var nearAdded = graph.Edges.Count - firstNew;

            // The duals are feasible on the candidate graph, so a violated pair is always new to it. One that is not
            // means a broken solver, and without this check the loop would price the same kept pairs forever.
            foreach (var (u, v) in violations)
            {
                if (graph.IndexOf(u, v) >= 0)
                {
                    throw new InvalidOperationException($"Pricing found ({u},{v}) violated although the candidate graph has it: the solve's duals are infeasible on its own graph.");
                }
            }

            // A new solver from the last duals with the blossoms folded in and the violated pairs' ends raised.
            BlossomSolver Repaired() => new(n, graph.Edges, maxCardinality: true, graph.Repair(last, duals, violations, all));

            if (solver is null || !resume || (ranAway && lowerLimit < n))
            {
                solver = Repaired();
                firstFree ??= solver.FreeCount();
                last = solver.Run();
            }
            else
            {
                foreach (var (u, v) in violations)
                {
                    graph.Add(u, v, all[u, v]);
                }

                solver.Resume([.. graph.Edges.Skip(firstNew)], feasible: nearAdded);
                firstFree ??= solver.FreeCount();
                var resumed = solver.Run();
                if (!covered && lowerLimit < n)
                {
                    known = new BlossomDuals(n, resumed);
                    var lowered = Lowered(duals, known);
                    if (lowered > lowerLimit && RanAway(all, resumed, known, sampleLimit))
                    {
                        solver = Repaired();
                        resumed = solver.Run();
                        known = null;
                        solves++;
                    }
                }

                last = resumed;
            }

            solves++;
        }
    }

    /// <summary>
    /// Vertices whose dual, with their blossoms' added, fell from <paramref name="before"/> to <paramref name="after"/>.
    /// A resumed solve keeps its blossoms, and its trees can take a blossom of thousands of vertices as a unit: every
    /// vertex in it falls, and where weights tie (a round 1, without history) their near-tight pairs outside the
    /// candidate graph come out violated by the million (one 10,000-member join: 1 violated pair, resumed, then
    /// 1,538,834; the pass to find them and the work to rank them took 1.2 s). A solve that only fixes what pricing
    /// found lowers a handful (1-7 on the 10,000-member joins, against 465-471 where it ran away).
    /// </summary>
    private static int Lowered(BlossomDuals before, BlossomDuals after)
    {
        var was = before.Flattened();
        var now = after.Flattened();
        var count = 0;
        for (var v = 0; v < was.Length; v++)
        {
            count += now[v] < was[v] ? 1 : 0;
        }

        return count;
    }

    /// <summary>Rows a resumed solve past the lower limit is priced on before it is kept or dropped (see <see cref="RanAway"/>).</summary>
    public const int RunawaySample = 128;

    /// <summary>
    /// Whether a resumed solve that lowered many vertices ran away: its duals priced on <see cref="RunawaySample"/>
    /// rows spread evenly over the vertices find more than <paramref name="sampleLimit"/> violated pairs (default:
    /// one per sampled row). Lowering many vertices is not enough to tell: at 10,000 members a resumed solve that
    /// lowered 187 left no violated pair, and dropping it cost a 190 ms solve from the repair, while one that lowered
    /// 471 left 1,538,834, of which the sample found 39,696 (docs/PERFORMANCE.md). The sample costs a sixtieth of a pass.
    /// </summary>
    private static bool RanAway(ICompleteWeights all, MatchingResult resumed, BlossomDuals duals, int? sampleLimit)
    {
        var n = resumed.Mate.Length;
        var rows = Math.Min(n, RunawaySample);
        var sample = Enumerable.Range(0, rows).Select(i => (int)((long)i * n / rows)).ToList();
        var limit = sampleLimit ?? rows;
        return limit < 0 || all.ViolatedAt(resumed.VertexDual, duals, sample, stopAt: limit + 1) > limit;
    }

    /// <summary>Violated pairs kept per vertex when a pricing pass finds many (see <see cref="MostViolated"/>).</summary>
    public const int ViolationsPerVertex = 16;

    /// <summary>
    /// When a pass finds more violated pairs than a few per vertex, keeps each vertex's most violated ones. A
    /// re-solve that left whole trees of S-vertices with low duals can make most pairs among them violated (at
    /// 10,001 members, 956,000 in one pass); adding them all made the next solve's graph six times larger, while the
    /// most violated few per vertex move its dual as far. Pricing runs again after the solve, so nothing is lost.
    /// </summary>
    internal static List<(int U, int V)> MostViolated(List<(int U, int V)> violations, List<long> slacks, int n)
    {
        if (violations.Count <= 4 * n)
        {
            return violations;
        }

        // Least slack first, ties in pair order (the passes list pairs sorted), so the same pass keeps the same pairs:
        // hundreds of thousands of pairs when a solve ran away, so the slacks are sorted as plain keys and each run
        // of equal slacks put back in pair order.
        var keys = slacks.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            Array.Sort(order, start, end - start);
            start = end;
        }

        var kept = new int[n];
        var result = new List<(int U, int V)>();
        foreach (var (u, v) in order.Select(i => violations[i]))
        {
            if (kept[u] < ViolationsPerVertex || kept[v] < ViolationsPerVertex)
            {
                kept[u]++;
                kept[v]++;
                result.Add((u, v));
            }
        }

        result.Sort();
        return result;
    }
}

/// <summary>The optimum of <see cref="CompleteGraphMatcher"/> or a candidate-graph solve, with its dual objective.</summary>
/// <param name="Result">Mates and duals of the final solve.</param>
/// <param name="Edges">The candidate graph the final solve ran on.</param>
/// <param name="Rounds">Solves needed (1 + pricing rounds that found missing edges).</param>
/// <param name="DualObjective">Sum of the duals: an upper bound on every perfect matching of any graph the duals are feasible for.</param>
internal sealed record PerfectMatching(MatchingResult Result, IReadOnlyList<(int U, int V, long W)> Edges, int Rounds, Int128 DualObjective)
{
    /// <summary>The solver of the last solve, its blossoms intact, when the result came from one (null when pricing found nothing to solve).</summary>
    public BlossomSolver? Solver { get; init; }

    /// <summary>Vertices free when <see cref="CompleteGraphMatcher.PriceAndSolve"/> began its first solve (0 without one).</summary>
    public int FirstFree { get; init; }
}
