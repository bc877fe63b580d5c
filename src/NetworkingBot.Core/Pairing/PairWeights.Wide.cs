using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetworkingBot.Core.Pairing;

internal sealed partial class PairWeights
{
    internal sealed partial class OrderedRows
    {
        /// <summary>
        /// <see cref="Row"/> eight pairs at a time in 512-bit vectors, where the processor has AVX-512 (64-bit
        /// multiplies for the jitter's mix) and tag sets fit one word. A pricing pass weighs every pair of the round,
        /// and scalar arithmetic was seven in ten of its time at 10,000 members (docs/PERFORMANCE.md). The same sums
        /// as the scalar loop, so every weight is equal to <see cref="Weight"/>; a test checks every pair.
        /// </summary>
        private sealed class Wide(int[] members, int[] region, bool[] inPerson)
        {
            /// <summary>Vectors need AVX-512 (DQ for the 64-bit multiply) and a jitter range that is a power of two (a mask instead of a modulo).</summary>
            public static bool Supported { get; } =
                Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported && ((PairCriteria.JitterMax + 1) & PairCriteria.JitterMax) == 0;

            private readonly long[] member = [.. members.Select(m => (long)m)];
            private readonly long[] regionOf = [.. region.Select(r => (long)r)];
            private readonly long[] inPersonMask = [.. inPerson.Select(p => p ? -1L : 0L)];

            /// <summary>Writes the weights of whole vectors of the row into <paramref name="dest"/>; returns how many (the scalar loop does the rest).</summary>
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public int Row(OrderedRows rows, int u, int start, Span<long> dest, long[] scratch, long freshTop, ReadOnlySpan<long> hoursRow, ReadOnlySpan<long> mentorRow)
            {
                var length = dest.Length;
                var count = length - (length % Vector512<long>.Count);
                if (count == 0)
                {
                    return 0;
                }

                var scale = rows.source.scale;
                var (m3, m5, m6) = ((ulong)scale.Multiplier(3), scale.Multiplier(5), (ulong)scale.Multiplier(6));
                var regionA = rows.region[u];
                var regionOn = regionA >= 0 ? Vector512<long>.AllBitsSet : Vector512<long>.Zero;
                var regionV = Vector512.Create((long)regionA);
                var inPersonA = rows.inPerson[u] ? Vector512<long>.AllBitsSet : Vector512<long>.Zero;
                var (a, noiseA, tagsA) = (Vector512.Create((long)members[u]), Vector512.Create(rows.noise[u]), Vector512.Create(rows.tags[u]));
                var fresh = Vector512.Create(freshTop);
                var cap = Vector512.Create((ulong)PairCriteria.InterestCap);
                var jitterMask = Vector512.Create((ulong)PairCriteria.JitterMax);
                Span<long> levels = stackalloc long[Vector512<long>.Count];
                ref var slot = ref rows.slot[start];
                ref var kind = ref rows.kind[start];
                ref var met = ref scratch[start];
                ref var tags = ref rows.tags[start];
                ref var noise = ref rows.noise[start];
                ref var memberRef = ref member[start];
                ref var regionRef = ref regionOf[start];
                ref var inPersonRef = ref inPersonMask[start];
                ref var output = ref MemoryMarshal.GetReference(dest);
                for (var i = 0; i < count; i += Vector512<long>.Count)
                {
                    // The two table levels (hours by slot, mentoring by kind) are looked up one lane at a time.
                    for (var k = 0; k < levels.Length; k++)
                    {
                        levels[k] = hoursRow[Unsafe.Add(ref slot, i + k)] + mentorRow[Unsafe.Add(ref kind, i + k)];
                    }

                    var w = fresh - Vector512.LoadUnsafe(ref met, (nuint)i) + Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(levels));
                    var shared = Vector512.Min(PopCount(Vector512.LoadUnsafe(ref tags, (nuint)i) & tagsA), cap);
                    w += (shared * m3).AsInt64();

                    var regionMatch = regionOn & Vector512.Equals(Vector512.LoadUnsafe(ref regionRef, (nuint)i), regionV) & (inPersonA | Vector512.LoadUnsafe(ref inPersonRef, (nuint)i));
                    w += regionMatch & Vector512.Create(m5);

                    // The lower member's noise goes first, as in PairScorer.MixJitter.
                    var first = Vector512.ShiftRightArithmetic(a - Vector512.LoadUnsafe(ref memberRef, (nuint)i), 63).AsUInt64();
                    var nb = Vector512.LoadUnsafe(ref noise, (nuint)i);
                    var (lo, hi) = (Vector512.ConditionalSelect(first, noiseA, nb), Vector512.ConditionalSelect(first, nb, noiseA));
                    var h = (lo * 0x9E3779B97F4A7C15UL) ^ (hi + Vector512.Create(0xC2B2AE3D27D4EB4FUL));
                    h ^= Vector512.ShiftRightLogical(h, 31);
                    h *= 0xBF58476D1CE4E5B9UL;
                    h ^= Vector512.ShiftRightLogical(h, 29);
                    w += ((h & jitterMask) * m6).AsInt64();
                    w.StoreUnsafe(ref output, (nuint)i);
                }

                return count;
            }

            /// <summary>Bits set in each lane (the classic SWAR count: AVX-512 without VPOPCNTDQ has no instruction .NET exposes for it).</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static Vector512<ulong> PopCount(Vector512<ulong> x)
            {
                x -= Vector512.ShiftRightLogical(x, 1) & Vector512.Create(0x5555555555555555UL);
                x = (x & Vector512.Create(0x3333333333333333UL)) + (Vector512.ShiftRightLogical(x, 2) & Vector512.Create(0x3333333333333333UL));
                x = (x + Vector512.ShiftRightLogical(x, 4)) & Vector512.Create(0x0F0F0F0F0F0F0F0FUL);
                return Vector512.ShiftRightLogical(x * 0x0101010101010101UL, 56);
            }
        }
    }
}
