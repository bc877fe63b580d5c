using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetworkingBot.Core.Pairing;

internal sealed partial class StreamedWeights
{
    /// <summary>
    /// Positions j of a chunk's row whose pair can reach <paramref name="limit"/>: the slack before blossoms,
    /// plus the outer blossom's dual when both ends share it (a lower bound on the slack), is below it. Eight pairs
    /// at a time where the processor has 512-bit vectors: almost every pair of a pricing pass is ruled out here, so
    /// the scalar checks that follow see a few per row. A pair that passes is checked again there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Candidates(Pricing pricing, long yu, long sharedOuter, long outerU, int start, ReadOnlySpan<long> row, long limit, int[] result)
    {
        var (y, outer) = (pricing.Y, pricing.Outer);
        var (count, j) = (0, 0);
        if (Vector512.IsHardwareAccelerated)
        {
            var (yuV, outerV, bonus, limitV) = (Vector512.Create(yu), Vector512.Create(outerU), Vector512.Create(sharedOuter), Vector512.Create(limit));
            for (; j + Vector512<long>.Count <= row.Length; j += Vector512<long>.Count)
            {
                var v = (nuint)(start + j);
                var quick = yuV + Vector512.LoadUnsafe(ref y[0], v) - Vector512.ShiftLeft(Vector512.Create(row.Slice(j, Vector512<long>.Count)), 1);
                var least = quick + (Vector512.Equals(Vector512.LoadUnsafe(ref outer[0], v), outerV) & bonus);
                for (var mask = Vector512.LessThan(least, limitV).ExtractMostSignificantBits(); mask != 0; mask &= mask - 1)
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
