using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

public sealed class MaxWeightMatchingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Matches_brute_force_on_thousands_of_small_random_graphs(bool maxCardinality)
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(1, 13);
            var edges = RandomEdges(random, n, density: random.NextDouble(), maxWeight: random.Next(1, 4) == 1 ? 3 : 100, allowNegative: seed % 5 == 0);
            var result = MaxWeightMatching.Solve(n, edges, maxCardinality);

            var (bestCount, bestWeight) = BruteForce(n, edges, maxCardinality);
            Assert.True(IsMatchingOf(result.Mate, edges), $"seed {seed}: not a matching of the graph");
            Assert.Equal(bestWeight, MaxWeightMatching.Weight(edges, result.Mate));
            if (maxCardinality)
            {
                Assert.Equal(bestCount, result.Mate.Count(m => m >= 0) / 2);
            }

            Assert.Null(MatchingCertificate.Verify(n, edges, maxCardinality, result));
        }
    }

    [Theory]
    [InlineData(200, 1, false)]
    [InlineData(300, 2, true)]
    [InlineData(500, 3, false)]
    [InlineData(400, 4, true)]
    public void Certificate_holds_on_larger_random_graphs(int n, int seed, bool maxCardinality)
    {
        var random = new Random(seed);
        var edges = RandomEdges(random, n, density: 0.05 + (random.NextDouble() * 0.1), maxWeight: 1_000_000, allowNegative: false);
        var result = MaxWeightMatching.Solve(n, edges, maxCardinality);
        Assert.True(IsMatchingOf(result.Mate, edges));
        Assert.Null(MatchingCertificate.Verify(n, edges, maxCardinality, result));
    }

    [Fact]
    public void Certificate_holds_on_hundreds_of_sparse_graphs_with_many_trees_and_ties()
    {
        // Many free vertices at once: trees retire and are dropped often, stale best edges and their queue entries
        // (BlossomSolver.Queues) are exercised; few distinct weights breed blossoms. A least slack taken from a stale
        // queue entry shows up as an infeasible edge here. Ties also leave blossoms whose dual is zero alive at the
        // end: the result lists none of them (they add nothing to any slack or to the objective, and at 10,000
        // members they held 9.4 million vertices between them), and the certificate holds without them.
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(10_000 + seed);
            var n = random.Next(50, 200);
            var edges = RandomEdges(random, n, density: 0.02 + (random.NextDouble() * 0.2), maxWeight: random.Next(2) == 0 ? 3 : 100, allowNegative: false);
            var result = MaxWeightMatching.Solve(n, edges, maxCardinality: seed % 2 == 0);
            Assert.True(IsMatchingOf(result.Mate, edges));
            Assert.All(result.Blossoms, b => Assert.True(b.Dual > 0, $"seed {seed}: a blossom with dual {b.Dual} is listed"));
            Assert.Null(MatchingCertificate.Verify(n, edges, seed % 2 == 0, result));
        }
    }

    [Fact]
    public void Certificate_rejects_a_suboptimal_matching()
    {
        // Path 0-1-2-3 with a heavy middle edge: the optimum is the middle edge alone.
        (int, int, long)[] edges = [(0, 1, 5), (1, 2, 11), (2, 3, 5)];
        var good = MaxWeightMatching.Solve(4, edges, maxCardinality: false);
        Assert.Equal([-1, 2, 1, -1], good.Mate);
        var bad = good with { Mate = [1, 0, 3, 2] };
        Assert.NotNull(MatchingCertificate.Verify(4, edges, false, bad));
    }

    [Fact]
    public void Max_cardinality_prefers_more_edges_over_weight()
    {
        (int, int, long)[] edges = [(0, 1, 5), (1, 2, 11), (2, 3, 5)];
        var result = MaxWeightMatching.Solve(4, edges, maxCardinality: true);
        Assert.Equal([1, 0, 3, 2], result.Mate);
    }

    [Fact]
    public void Handles_nested_blossoms_without_deep_recursion_on_a_long_odd_cycle_chain()
    {
        // Long paths and odd cycles of equal weight: many nested blossoms, no stack overflow.
        const int n = 3001;
        var edges = new List<(int, int, long)>();
        for (var v = 0; v + 1 < n; v++)
        {
            edges.Add((v, v + 1, 10));
            if (v + 2 < n)
            {
                edges.Add((v, v + 2, 10));
            }
        }

        var result = MaxWeightMatching.Solve(n, edges, maxCardinality: true);
        Assert.Equal(n - 1, result.Mate.Count(m => m >= 0));
        Assert.Null(MatchingCertificate.Verify(n, edges, true, result));
    }

    [Fact]
    public void Empty_and_edgeless_graphs_give_no_pairs()
    {
        Assert.Empty(MaxWeightMatching.Solve(0, [], true).Mate);
        Assert.Equal([-1, -1, -1], MaxWeightMatching.Solve(3, [], true).Mate);
    }

    internal static List<(int, int, long)> RandomEdges(Random random, int n, double density, long maxWeight, bool allowNegative)
    {
        var edges = new List<(int, int, long)>();
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                if (random.NextDouble() < density)
                {
                    var w = random.NextInt64(allowNegative ? -maxWeight / 2 : 0, maxWeight + 1);
                    edges.Add(random.Next(2) == 0 ? (u, v, w) : (v, u, w));
                }
            }
        }

        return edges;
    }

    private static bool IsMatchingOf(int[] mate, IReadOnlyList<(int U, int V, long W)> edges)
    {
        var pairs = edges.Select(e => (Math.Min(e.U, e.V), Math.Max(e.U, e.V))).ToHashSet();
        for (var v = 0; v < mate.Length; v++)
        {
            if (mate[v] >= 0 && (mate[mate[v]] != v || !pairs.Contains((Math.Min(v, mate[v]), Math.Max(v, mate[v])))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Exact optimum by dynamic programming over vertex subsets: (cardinality, weight).</summary>
    internal static (int Count, long Weight) BruteForce(int n, IReadOnlyList<(int U, int V, long W)> edges, bool maxCardinality)
    {
        var w = new long?[n, n];
        foreach (var (u, v, x) in edges)
        {
            if (w[u, v] is null || x > w[u, v])
            {
                w[u, v] = w[v, u] = x;
            }
        }

        var best = new (int Count, long Weight)[1 << n];
        for (var mask = 1; mask < 1 << n; mask++)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(mask);
            var rest = mask & ~(1 << i);
            var top = best[rest];
            for (var j = i + 1; j < n; j++)
            {
                if ((rest & (1 << j)) != 0 && w[i, j] is long x)
                {
                    var sub = best[rest & ~(1 << j)];
                    var candidate = (sub.Count + 1, sub.Weight + x);
                    if (Better(candidate, top, maxCardinality))
                    {
                        top = candidate;
                    }
                }
            }

            best[mask] = top;
        }

        return best[(1 << n) - 1];
    }

    private static bool Better((int Count, long Weight) a, (int Count, long Weight) b, bool maxCardinality) =>
        maxCardinality ? a.Count > b.Count || (a.Count == b.Count && a.Weight > b.Weight) : a.Weight > b.Weight;
}
