using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>The per-vertex chains of blossom duals against sums taken straight from the blossom list.</summary>
public sealed class BlossomDualsTests
{
    [Fact]
    public void Shared_total_and_outer_duals_equal_sums_over_the_blossoms_holding_the_vertices()
    {
        var nested = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            // Few distinct weights breed nested blossoms with positive duals.
            var random = new Random(30_000 + seed);
            var n = random.Next(20, 120);
            var edges = MaxWeightMatchingTests.RandomEdges(random, n, density: 0.05 + (random.NextDouble() * 0.3), maxWeight: random.Next(2) == 0 ? 3 : 20, allowNegative: false);
            var result = MaxWeightMatching.Solve(n, edges, maxCardinality: true);
            var duals = new BlossomDuals(n, result);
            var holding = Enumerable.Range(0, n).Select(v => result.Blossoms.Where(b => b.Vertices.Contains(v)).ToList()).ToArray();
            nested += holding.Count(h => h.Count > 1);

            for (var u = 0; u < n; u++)
            {
                Assert.Equal(holding[u].Sum(b => b.Dual), duals.Total(u));
                var outer = holding[u].Where(b => b.Dual != 0).OrderByDescending(b => b.Vertices.Length).FirstOrDefault();
                Assert.Equal(outer?.Dual ?? 0, duals.OuterDual(u));
                Assert.Equal(outer is null ? -1 : result.Blossoms.ToList().IndexOf(outer), duals.Outer(u));
                for (var v = u + 1; v < n; v++)
                {
                    Assert.Equal(holding[u].Intersect(holding[v]).Sum(b => b.Dual), duals.Shared(u, v));
                }
            }
        }

        // Vertices in more than one blossom at once, or the chains' order would not have been tested.
        Assert.True(nested > 0);
    }
}
