using System.Buffers;
using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>A table of every pair's weight, on fresh storage or the shared pool's.</summary>
public sealed class TriangularWeightsTests
{
    [Fact]
    public void A_pooled_table_reads_every_pair_as_a_fresh_one_and_gives_its_storage_back()
    {
        const int n = 300;
        static void Fill(int u, Span<long> row)
        {
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = (u * 1_000L) + u + 1 + j;
            }
        }

        var fresh = new TriangularWeights(n, Fill);
        var length = n * (n - 1) / 2;
        using (var pooled = new TriangularWeights(n, Fill, pooled: true))
        {
            for (var u = 0; u < n; u++)
            {
                for (var v = 0; v < n; v++)
                {
                    if (u != v)
                    {
                        Assert.Equal(fresh[u, v], pooled[u, v]);
                    }
                }
            }
        }

        // Rented arrays are not cleared: the next rent of that size on this thread holds the table's weights.
        var again = ArrayPool<long>.Shared.Rent(length);
        try
        {
            Assert.Equal(fresh[0, 1], again[0]);
            Assert.Equal(fresh[n - 2, n - 1], again[length - 1]);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(again);
        }
    }
}
