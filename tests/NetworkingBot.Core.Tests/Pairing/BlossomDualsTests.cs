using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>The per-vertex chains of blossom duals against sums taken straight from the blossom list.</summary>
public sealed class BlossomDualsTests
{
    [Fact]
    public void Shared_total_and_outer_equal_sums_over_the_blossoms_holding_the_vertices()
    {
        var nested = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var (n, result, duals) = Solved(30_000 + seed);
            var holding = Enumerable.Range(0, n).Select(v => result.Blossoms.Where(b => b.Vertices.Contains(v)).ToList()).ToArray();
            nested += holding.Count(h => h.Count > 1);

            for (var u = 0; u < n; u++)
            {
                Assert.Equal(holding[u].Sum(b => b.Dual), duals.Total(u));
                var outer = holding[u].Where(b => b.Dual != 0).OrderByDescending(b => b.Vertices.Length).FirstOrDefault();
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

    [Fact]
    public void Heavy_path_sums_bound_the_shared_duals_from_below_and_equal_them_where_the_paths_part()
    {
        var (parted, deeper) = (0, 0);
        for (var seed = 0; seed < 200; seed++)
        {
            var (n, result, duals) = Solved(31_000 + seed);
            var sums = duals.HeavyPathSums();

            // The same path, walked from the blossom list: from the outermost positive-dual blossom holding the vertex
            // into the largest positive-dual blossom directly inside (ties: the lower index), while it holds the vertex.
            var positive = Enumerable.Range(0, result.Blossoms.Count).Where(b => result.Blossoms[b].Dual != 0).ToList();
            int? Heavy(int b) => positive
                .Where(c => c != b && result.Blossoms[c].Vertices.All(result.Blossoms[b].Vertices.Contains))
                .Where(c => !positive.Any(d => d != b && d != c && result.Blossoms[d].Vertices.Length > result.Blossoms[c].Vertices.Length && result.Blossoms[c].Vertices.All(result.Blossoms[d].Vertices.Contains) && result.Blossoms[d].Vertices.All(result.Blossoms[b].Vertices.Contains)))
                .OrderByDescending(c => result.Blossoms[c].Vertices.Length).ThenBy(c => c)
                .Select(c => (int?)c).FirstOrDefault();
            var deepest = new int[n];
            for (var u = 0; u < n; u++)
            {
                var (at, sum) = (duals.Outer(u), 0L);
                deepest[u] = at;
                while (at >= 0)
                {
                    sum += result.Blossoms[at].Dual;
                    deepest[u] = at;
                    var next = Heavy(at);
                    at = next is { } c && result.Blossoms[c].Vertices.Contains(u) ? c : -1;
                }

                Assert.Equal(sum, sums[u]);
            }

            for (var u = 0; u < n; u++)
            {
                for (var v = u + 1; v < n; v++)
                {
                    if (duals.Outer(u) < 0 || duals.Outer(u) != duals.Outer(v))
                    {
                        continue;
                    }

                    var bound = Math.Min(sums[u], sums[v]);
                    Assert.True(duals.Shared(u, v) >= bound);
                    if (deepest[u] != deepest[v])
                    {
                        Assert.Equal(duals.Shared(u, v), bound);
                        parted++;
                        deeper += bound > result.Blossoms[duals.Outer(u)].Dual ? 1 : 0;
                    }
                }
            }
        }

        // Pairs whose common blossoms go deeper than the outermost, or the bound would be no better than it.
        Assert.True(deeper > 0 && parted > deeper);
    }

    /// <summary>A random graph of 20-119 vertices solved, with its blossom duals: few distinct weights breed nested blossoms with positive duals.</summary>
    private static (int N, MatchingResult Result, BlossomDuals Duals) Solved(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(20, 120);
        var edges = MaxWeightMatchingTests.RandomEdges(random, n, density: 0.05 + (random.NextDouble() * 0.3), maxWeight: random.Next(2) == 0 ? 3 : 20, allowNegative: false);
        var result = MaxWeightMatching.Solve(n, edges, maxCardinality: true);
        return (n, result, new BlossomDuals(n, result));
    }
}
