using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>
/// Finished solvers joined with their blossoms kept (<see cref="BlossomSolver.Merge"/>), a stand-in vertex taken out
/// of a finished solve (<see cref="BlossomSolver.Detach"/>), a free member's blossom raised as a unit
/// (<see cref="BlossomSolver.RaiseFree"/>), and the guard that drops a resumed solve lowering too
/// many vertices (<see cref="CompleteGraphMatcher.PriceAndSolve"/>'s lowerLimit).
/// </summary>
public sealed class BlossomSolverMergeTests
{
    /// <summary>A complete graph on <paramref name="n"/> vertices; few distinct weights make many ties and blossoms.</summary>
    private static List<(int U, int V, long W)> Complete(Random random, int n, int maxWeight)
    {
        var edges = new List<(int U, int V, long W)>();
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                edges.Add((u, v, random.Next(1, maxWeight + 1)));
            }
        }

        return edges;
    }

    /// <summary>Each blossom as its sorted vertices (mapped by <paramref name="map"/>) and dual.</summary>
    private static HashSet<string> Blossoms(MatchingResult result, Func<int, int> map) =>
        [.. result.Blossoms.Select(b => $"{b.Dual}:{string.Join(",", b.Vertices.Select(map).Order())}")];

    [Fact]
    public void Merged_solvers_keep_every_parts_blossoms_mates_and_duals_and_resume_to_the_optimum_of_the_union()
    {
        var blossoms = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var sizes = Enumerable.Range(0, random.Next(2, 5)).Select(_ => 2 * random.Next(1, 9)).ToArray();
            var total = sizes.Sum();
            var parts = new List<(BlossomSolver, int[])>();
            var union = new List<(int U, int V, long W)>();
            var expected = new List<(MatchingResult Result, int[] Map)>();
            var offset = 0;
            foreach (var size in sizes)
            {
                var edges = Complete(random, size, random.Next(2) == 0 ? 3 : 50);
                var solver = new BlossomSolver(size, edges, maxCardinality: true);
                var result = solver.Run();
                int[] map = [.. Enumerable.Range(offset, size)];
                parts.Add((solver, map));
                expected.Add((result, map));
                union.AddRange(edges.Select(e => (map[e.U], map[e.V], e.W)));
                offset += size;
            }

            var joined = BlossomSolver.Merge(total, parts, out var merged);
            Assert.Equal(union, merged);

            // The union's state is every part's, renumbered: mates, vertex duals and blossoms with their duals.
            var now = joined.Current();
            foreach (var (result, map) in expected)
            {
                for (var v = 0; v < map.Length; v++)
                {
                    Assert.Equal(result.Mate[v] < 0 ? -1 : map[result.Mate[v]], now.Mate[map[v]]);
                    Assert.Equal(result.VertexDual[v], now.VertexDual[map[v]]);
                }

                Assert.Subset(Blossoms(now, v => v), Blossoms(result, v => map[v]));
                blossoms += result.Blossoms.Count;
            }

            Assert.Equal(expected.Sum(e => e.Result.Blossoms.Count), now.Blossoms.Count);

            // Pairs across parts arrive; the merged solver resumes to the optimum of the whole union.
            ResumeToTheUnionsOptimum(joined, total, union, random, keepOneIn: 3, maxWeight: 59);
        }

        // The parts had blossoms to keep, or this test would show less than its name says.
        Assert.True(blossoms > 100, $"{blossoms} blossoms");
    }

    [Fact]
    public void Detaching_a_stand_in_keeps_the_duals_feasible_and_merged_odd_parts_reach_the_unions_optimum()
    {
        var insideBlossom = 0;
        for (var seed = 0; seed < 600; seed++)
        {
            var random = new Random(seed);

            // Two odd parts, each solved with a stand-in (its last vertex) joined to every member by one weight, as the
            // slots of a round are; a weight among the members' own puts the stand-in inside blossoms.
            var parts = new List<(BlossomSolver, int[])>();
            var union = new List<(int U, int V, long W)>();
            var offset = 0;
            for (var p = 0; p < 2; p++)
            {
                var members = (2 * random.Next(1, 20)) + 1;
                var top = random.Next(2) == 0 ? 3 : 40;
                var edges = Complete(random, members, top);
                var standIn = (long)random.Next(0, top + 1);
                var withStandIn = edges.Concat(Enumerable.Range(0, members).Select(v => (v, members, standIn))).ToList();

                // Warm-started as the slots' solves are: each vertex's dual its heaviest edge, the tight ones matched.
                var graph = new CandidateGraph(members + 1);
                withStandIn.ForEach(e => graph.Add(e.Item1, e.Item2, e.Item3));
                var solver = new BlossomSolver(members + 1, graph.Edges, maxCardinality: true, graph.GreedyStart());
                var before = solver.Run();
                var holding = before.Blossoms.Count(b => b.Vertices.Contains(members));
                insideBlossom += holding > 0 ? 1 : 0;
                solver.Detach(members);
                var after = solver.Current();

                // The stand-in is free and in no blossom; its mate is freed, and so is the base of each blossom with a
                // positive dual that held it, with the base's mate. The duals stay feasible on the members' pairs and
                // every matched pair stays tight (the certificate of the part without the stand-in).
                var free = after.Mate.Count(m => m < 0);
                Assert.True(free >= 2 && free <= 2 + (2 * holding), $"seed {seed}: {free} free, {holding} blossoms held the stand-in");
                Assert.Equal(-1, after.Mate[members]);
                Assert.DoesNotContain(after.Blossoms, b => b.Vertices.Contains(members));
                var withoutStandIn = after with { Mate = after.Mate[..members], VertexDual = after.VertexDual[..members] };
                Assert.Null(FeasibleAndTight(members, edges, withoutStandIn));

                // A free member's blossom rises as a unit and keeps every slack feasible and every matched pair tight;
                // a matched member's would loosen its matched edge, and is refused.
                solver.RaiseFree(Array.FindIndex(after.Mate[..members], m => m < 0), 1 + random.Next(10));
                var raised = solver.Current();
                Assert.Null(FeasibleAndTight(members, edges, raised with { Mate = raised.Mate[..members], VertexDual = raised.VertexDual[..members] }));
                Assert.Throws<InvalidOperationException>(() => solver.RaiseFree(Array.FindIndex(raised.Mate, m => m >= 0), 1));

                int[] map = [.. Enumerable.Range(offset, members), -1];
                parts.Add((solver, map));
                union.AddRange(edges.Select(e => (map[e.U], map[e.V], e.W)));
                offset += members;
            }

            var joined = BlossomSolver.Merge(offset, parts, out _);
            var solved = ResumeToTheUnionsOptimum(joined, offset, union, random, keepOneIn: 1, maxWeight: 39);
            Assert.All(solved.Mate, m => Assert.True(m >= 0));
        }

        // The stand-in sat inside a blossom often enough to take the path that dissolves it.
        Assert.True(insideBlossom > 50, $"{insideBlossom} stand-ins inside a blossom");
    }

    [Fact]
    public void A_resumed_solve_past_the_lower_limit_is_solved_again_from_the_repaired_duals_and_reaches_the_same_optimum()
    {
        var (guarded, sampled, plain) = (0, 0, 0);
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var n = 2 * random.Next(20, 61);
            var complete = Complete(random, n, random.Next(2) == 0 ? 4 : 1000);
            var table = new TriangularWeights(n, (u, v) => complete[(u * ((2 * n) - u - 1) / 2) + (v - u - 1)].W);
            var optimum = CompleteGraphMatcher.Solve(table, n);

            PerfectMatching Priced(int lowerLimit, int? sampleLimit = null)
            {
                // A sparse first graph (a Hamiltonian cycle and a few random pairs), solved; pricing takes it from there.
                var graph = new CandidateGraph(n);
                for (var v = 0; v < n; v++)
                {
                    graph.Add(v, (v + 1) % n, table[v, (v + 1) % n]);
                    var u = random.Next(n);
                    if (u != v)
                    {
                        graph.Add(v, u, table[v, u]);
                    }
                }

                var solver = new BlossomSolver(n, graph.Edges, maxCardinality: true);
                return CompleteGraphMatcher.PriceAndSolve(table, graph, solver.Run(), solves: 1, solver, lowerLimit: lowerLimit, sampleLimit: sampleLimit);
            }

            var withGuard = Priced(lowerLimit: 0, sampleLimit: -1);
            var withSample = Priced(lowerLimit: 0);
            var without = Priced(lowerLimit: int.MaxValue);
            Assert.Equal(optimum.DualObjective, withGuard.DualObjective);
            Assert.Equal(optimum.DualObjective, MaxWeightMatching.Weight(withGuard.Edges, withGuard.Result.Mate));
            Assert.Equal(optimum.DualObjective, withSample.DualObjective);
            Assert.Equal(optimum.DualObjective, MaxWeightMatching.Weight(withSample.Edges, withSample.Result.Mate));
            Assert.Equal(optimum.DualObjective, without.DualObjective);
            (guarded, sampled, plain) = (guarded + withGuard.Rounds, sampled + withSample.Rounds, plain + without.Rounds);
        }

        // A limit of 0 with a negative sample limit drops every resumed solve that lowered a vertex: each costs one more
        // solve from the repair. With the sample deciding, only those whose sampled rows hold many violated pairs are.
        Assert.True(guarded > plain, $"{guarded} solves with the guard, {plain} without");
        Assert.True(sampled < guarded, $"{sampled} solves with the sample deciding, {guarded} dropping every one");
    }

    /// <summary>
    /// Adds pairs across the parts (each one in <paramref name="keepOneIn"/>, weights 1 to <paramref name="maxWeight"/>)
    /// to the merged solver and to <paramref name="union"/>, resumes, and checks the result certified and as heavy as a
    /// solve of the whole union from scratch.
    /// </summary>
    private static MatchingResult ResumeToTheUnionsOptimum(BlossomSolver joined, int n, List<(int U, int V, long W)> union, Random random, int keepOneIn, int maxWeight)
    {
        var across = new List<(int U, int V, long W)>();
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                if (!union.Any(e => e.U == u && e.V == v) && (keepOneIn == 1 || random.Next(keepOneIn) == 0))
                {
                    across.Add((u, v, random.Next(1, maxWeight + 1)));
                }
            }
        }

        joined.Resume(across);
        union.AddRange(across);
        var solved = joined.Run();
        Assert.Null(MatchingCertificate.Verify(n, union, true, solved));
        var scratch = MaxWeightMatching.Solve(n, union, maxCardinality: true);
        Assert.Equal(MaxWeightMatching.Weight(union, scratch.Mate), MaxWeightMatching.Weight(union, solved.Mate));
        return solved;
    }

    /// <summary>Null when every edge has a non-negative slack and every matched edge a zero one, else the first that does not.</summary>
    private static string? FeasibleAndTight(int n, List<(int U, int V, long W)> edges, MatchingResult result)
    {
        var duals = new BlossomDuals(n, result);
        foreach (var (u, v, w) in edges)
        {
            var slack = result.VertexDual[u] + result.VertexDual[v] - (2 * w) + (2 * duals.Shared(u, v));
            if (slack < 0 || (result.Mate[u] == v && slack != 0))
            {
                return $"({u},{v}) slack {slack}, matched {result.Mate[u] == v}";
            }
        }

        return null;
    }
}
