using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetworkingBot.Core.Pairing;

internal sealed partial class StreamedWeights
{
    /// <summary>
    /// Positions j of a chunk's row whose pair can reach <paramref name="limit"/>: the slack before blossoms, plus
    /// what the two ends surely share when they have the same outer blossom (twice the lesser of their heavy paths'
    /// duals, <see cref="BlossomDuals.HeavyPathSums"/>): a lower bound on the slack, below the limit. Four pairs at
    /// a time where the processor has 256-bit vectors: almost every pair of a pricing pass is ruled out here, so the
    /// scalar checks that follow see a few per row. A pair that passes is checked again there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Candidates(Pricing pricing, int u, int start, ReadOnlySpan<long> row, long limit, int[] result)
    {
        var (y, outer, sums) = (pricing.Y, pricing.Outer, pricing.PathSums);
        var (count, j) = (0, 0);
        if (Vector256.IsHardwareAccelerated)
        {
            var (yuV, limitV) = (Vector256.Create(y[u]), Vector256.Create(limit));
            var (outerU, sumU) = (Vector256.Create(outer[u]), Vector256.Create(sums[u]));
            for (; j + Vector256<long>.Count <= row.Length; j += Vector256<long>.Count)
            {
                var v = (nuint)(start + j);
                var quick = yuV + Vector256.LoadUnsafe(ref y[0], v) - Vector256.ShiftLeft(Vector256.Create(row.Slice(j, Vector256<long>.Count)), 1);
                var sameOuter = Vector256.Equals(Vector256.LoadUnsafe(ref outer[0], v), outerU);
                var least = quick + (sameOuter & Vector256.ShiftLeft(Vector256.Min(Vector256.LoadUnsafe(ref sums[0], v), sumU), 1));

                for (var mask = Vector256.LessThan(least, limitV).ExtractMostSignificantBits(); mask != 0; mask &= mask - 1)
                {
                    result[count++] = j + BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; j < row.Length; j++)
        {
            result[count++] = j;
        }

        return count;
    }
}
