using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>The solver's progress guard: a bound on dual updates between augmentations (BlossomSolver.Guard).</summary>
public sealed class BlossomSolverGuardTests
{
    [Fact]
    public void Dual_updates_between_augmentations_stay_within_the_bound_on_random_graphs()
    {
        var most = 0.0;
        for (var seed = 0; seed < 1500; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(1, 60);
            var edges = MaxWeightMatchingTests.RandomEdges(random, n, density: random.NextDouble(), maxWeight: random.Next(1, 4) == 1 ? 3 : 100, allowNegative: seed % 5 == 0);
            var solver = new BlossomSolver(n, edges, maxCardinality: seed % 2 == 0);
            var result = solver.Run();

            Assert.Null(MatchingCertificate.Verify(n, edges, seed % 2 == 0, result));
            most = Math.Max(most, (double)solver.MostUpdatesBetweenAugmentations / BlossomSolver.DefaultUpdateLimit(n));
        }

        // The guard counts (some solve needed dual updates) and the theory's bound leaves room on every graph.
        Assert.InRange(most, 0.01, 0.5);
    }

    [Theory]
    [InlineData(200, 1)]
    [InlineData(400, 2)]
    public void Warm_started_repair_solves_stay_within_the_bound(int n, int seed)
    {
        // The exact path's solves: a sparse first optimum, the pairs it leaves violated added, the duals repaired.
        var random = new Random(seed);
        var all = new TriangularWeights(n, (u, v) => random.Next(0, 1_000_000));
        var sparse = CompleteGraphMatcher.Solve(all, n, candidatesPerVertex: 2, mutualCandidates: 0, price: false);
        var graph = new CandidateGraph(n);
        foreach (var (u, v, w) in sparse.Edges)
        {
            graph.Add(u, v, w);
        }

        var duals = new BlossomDuals(n, sparse.Result);
        var violations = all.Violations(sparse.Result.VertexDual, duals);
        Assert.NotEmpty(violations);
        var solver = new BlossomSolver(n, graph.Edges, maxCardinality: true, graph.Repair(sparse.Result, duals, violations, all));
        var result = solver.Run();

        Assert.Null(MatchingCertificate.Verify(n, graph.Edges, true, result));
        Assert.InRange(solver.MostUpdatesBetweenAugmentations, 1, BlossomSolver.DefaultUpdateLimit(n) / 2);
    }

    [Fact]
    public void A_solve_that_passes_its_update_bound_throws_with_its_state_instead_of_looping()
    {
        // The bound is what stops a broken invariant from looping; a limit of zero trips it at the first update.
        var random = new Random(3);
        var edges = MaxWeightMatchingTests.RandomEdges(random, 40, density: 0.3, maxWeight: 100, allowNegative: false);

        var error = Assert.Throws<InvalidOperationException>(() => new BlossomSolver(40, edges, maxCardinality: true, updateLimit: 0).Run());
        Assert.Contains("dual updates without augmenting (limit 0 for 40 vertices)", error.Message);
        Assert.Contains("free vertices", error.Message);
    }
}
