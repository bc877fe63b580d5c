using NetworkingBot.Core.Pairing;
using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>
/// Rounds above the table limit: blocks priced against every pair must reach the complete graph's optimum
/// (the table path's, which a certificate over all pairs proves), and the streamed pricing must find exactly
/// the pairs the stored table finds.
/// </summary>
public sealed class ExactBlockMatcherTests
{
    private static readonly PairingEngineOptions Table = PairingEngineOptions.Default with { RepeatFreeLimit = 0 };
    private static readonly PairingEngineOptions Streamed = Table with { TableLimit = 20, BlockSize = 24 };

    [Theory]
    [InlineData(60, 1)]
    [InlineData(120, 2)]
    [InlineData(160, 3)]
    [InlineData(200, 4)]
    [InlineData(121, 5)]
    public void Priced_blocks_reach_the_complete_graphs_optimum(int n, int seed)
    {
        var random = new Random(seed);
        var members = n % 40 == 0 ? RepeatFreePlanningTests.Clustered(random, n) : Community.RandomMembers(random, n);
        var request = Community.Request(members, Community.RandomHistory(random, members, 6), round: 6, seed: seed);

        var (plan, proof) = new MaxWeightPairingEngine(Streamed).PlanWithProof(request);
        var (_, table) = new MaxWeightPairingEngine(Table).PlanWithProof(request);
        var (_, blocks) = new MaxWeightPairingEngine(Streamed with { ExactLimit = 20 }).PlanWithProof(request);

        PairingEngineInvariantTests.AssertValid(request, plan);
        Assert.Equal(PairingEngineInvariantTests.Describe(plan), PairingEngineInvariantTests.Describe(new MaxWeightPairingEngine(Streamed).Plan(request)));
        Assert.True(proof!.Exact);
        Assert.Equal(table!.Weight, proof.Weight);
        Assert.Equal(proof.Weight, proof.Bound);

        // The blocks alone must not already be optimal here, or this test would not show that pricing works.
        Assert.True(blocks!.Weight < proof.Weight, $"blocks alone reached {blocks.Weight}, the optimum is {proof.Weight}");
    }

    [Fact]
    public void Streamed_pricing_finds_exactly_the_pairs_the_stored_table_finds()
    {
        var random = new Random(7);
        var members = Community.RandomMembers(random, 90);
        var request = Community.Request(members, Community.RandomHistory(random, members, 6), round: 6);
        var weights = MaxWeightPairingEngine.ScorerFor(request).Weights;
        var ids = Enumerable.Range(0, 90).Reverse().ToArray();
        var table = new TriangularWeights(ids.Length, (u, v) => weights.Weight(ids[u], ids[v]));
        var streamed = new StreamedWeights(weights, ids);

        // Duals of a real solve on a sparse graph (with its blossoms), then the same duals lowered at random.
        var sparse = CompleteGraphMatcher.Solve(table, ids.Length, candidatesPerVertex: 2, mutualCandidates: 0, price: false);
        var lowered = sparse.Result with { VertexDual = [.. sparse.Result.VertexDual.Select(y => y - random.Next(0, 1 << 20))] };
        foreach (var result in new[] { sparse.Result, lowered })
        {
            var duals = new BlossomDuals(ids.Length, result);
            var expected = table.Violations(result.VertexDual, duals);

            Assert.NotEmpty(expected);
            Assert.Equal(expected, streamed.Violations(result.VertexDual, duals));
            Assert.Equal(table[3, 77], streamed[3, 77]);
        }
    }
}
