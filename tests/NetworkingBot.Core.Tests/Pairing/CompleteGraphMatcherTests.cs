using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>The candidate-graph solve with pricing must give the complete graph's optimum, certified.</summary>
public sealed class CompleteGraphMatcherTests
{
    [Fact]
    public void Matches_brute_force_on_thousands_of_small_complete_graphs()
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var n = 2 * random.Next(0, 7);
            var weights = RandomWeights(random, n);
            var k = 1 + random.Next(4);

            var matching = CompleteGraphMatcher.Solve(n, (u, v) => weights[u, v], k);

            var edges = Complete(n, weights);
            var mate = matching.Result.Mate;
            Assert.All(mate, m => Assert.True(m >= 0, $"seed {seed}: not perfect"));
            Assert.Equal(MaxWeightMatchingTests.BruteForce(n, edges, maxCardinality: true).Weight, MaxWeightMatching.Weight(edges, mate));
            Assert.Null(MatchingCertificate.Verify(n, edges, true, matching.Result));
            Assert.Equal((Int128)MaxWeightMatching.Weight(edges, mate), matching.DualObjective);
        }
    }

    [Fact]
    public void Candidates_chosen_in_one_pass_are_each_vertexs_own_best_lists_in_order()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var n = 1 + random.Next(40);

            // Few distinct weights, so ties (kept for the lower index) are everywhere.
            var all = new TriangularWeights(n, (_, _) => random.Next(6) * 10L);
            var (k, mutual) = (random.Next(0, 8), random.Next(0, 12));
            var maxima = all.RowMaxima();

            var (heaviest, best) = all.BestAll(k, mutual, maxima);

            for (var v = 0; v < n; v++)
            {
                Assert.Equal(Search(all, n, v, k, null), heaviest[v]);
                Assert.Equal(Search(all, n, v, mutual, maxima), best[v]);
            }
        }
    }

    /// <summary>One vertex's list, the plain way: every partner by index, a stable sort by (discounted) weight, the first k.</summary>
    private static int[] Search(TriangularWeights all, int n, int v, int k, long[]? discount) =>
        [.. Enumerable.Range(0, n).Where(u => u != v).OrderByDescending(u => all[v, u] - (discount is null ? 0 : discount[u] / 2)).Take(k)];

    [Theory]
    [InlineData(100, 1)]
    [InlineData(160, 2)]
    [InlineData(250, 3)]
    public void Equals_the_full_graph_solve_on_larger_graphs_with_a_certificate(int n, int seed)
    {
        var random = new Random(seed);
        var weights = RandomWeights(random, n);
        var edges = Complete(n, weights);

        var matching = CompleteGraphMatcher.Solve(n, (u, v) => weights[u, v], 3);
        var full = MaxWeightMatching.Solve(n, edges, maxCardinality: true);

        Assert.Equal(MaxWeightMatching.Weight(edges, full.Mate), MaxWeightMatching.Weight(edges, matching.Result.Mate));
        Assert.Null(MatchingCertificate.Verify(n, edges, true, matching.Result));
        Assert.True(matching.Rounds >= 1);
    }

    /// <summary>Symmetric weights with few distinct values (ties breed blossoms), sometimes negative or huge.</summary>
    private static long[,] RandomWeights(Random random, int n)
    {
        var w = new long[n, n];
        var style = random.Next(4);
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                w[u, v] = w[v, u] = style switch
                {
                    0 => random.Next(0, 4),
                    1 => random.Next(-50, 100),
                    2 => (1L << 56) + random.NextInt64(0, 1L << 40),
                    _ => random.Next(0, 1_000_000),
                };
            }
        }

        return w;
    }

    private static List<(int, int, long)> Complete(int n, long[,] w)
    {
        var edges = new List<(int, int, long)>();
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                edges.Add((u, v, w[u, v]));
            }
        }

        return edges;
    }
}
