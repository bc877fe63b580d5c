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
        /// <see cref="Row"/> four pairs at a time in 256-bit vectors, where the processor has AVX2 (every x64 server
        /// of the last decade; AVX-512 machines run it too). A pricing pass weighs every pair of the round, and scalar
        /// arithmetic was seven in ten of its time at 10,000 members (docs/PERFORMANCE.md). AVX2 has no 64-bit
        /// multiply, so the jitter's mix is rearranged to need none: the first multiply is by the lower member's noise
        /// alone (premultiplied per member), and only the low 32 bits of the second reach the jitter's three bits
        /// (one 32-bit multiply). The same sums as the scalar loop, so every weight is equal to <see cref="Weight"/>;
        /// a test checks every pair.
        /// </summary>
        private sealed class Wide
        {
            /// <summary>Vectors need AVX2 and a jitter range that is a power of two below 2^29 (the mix's last shift).</summary>
            public static bool Supported { get; } =
                Avx2.IsSupported && ((PairCriteria.JitterMax + 1) & PairCriteria.JitterMax) == 0 && PairCriteria.JitterMax < (1 << 29);

            private readonly long[] member;
            private readonly long[] regionOf;
            private readonly long[] inPersonMask;
            private readonly ulong[] noiseMixed;
            private readonly ulong[] noiseOffset;

            public Wide(int[] members, int[] region, bool[] inPerson, ulong[] noise)
            {
                member = [.. members.Select(m => (long)m)];
                regionOf = [.. region.Select(r => (long)r)];
                inPersonMask = [.. inPerson.Select(p => p ? -1L : 0L)];
                noiseMixed = [.. noise.Select(x => x * PairScorer.JitterFirst)];
                noiseOffset = [.. noise.Select(x => x + PairScorer.JitterSecond)];
            }

            /// <summary>Writes the weights of whole vectors of the row into <paramref name="dest"/>; returns how many (the scalar loop does the rest).</summary>
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public int Row(OrderedRows rows, int u, int start, Span<long> dest, long[] scratch, long freshTop, ReadOnlySpan<long> hoursRow, ReadOnlySpan<long> mentorRow)
            {
                var length = dest.Length;
                var count = length - (length % Vector256<long>.Count);
                if (count == 0)
                {
                    return 0;
                }

                var scale = rows.source.scale;
                var (m3, m5, m6) = ((ulong)scale.Multiplier(3), scale.Multiplier(5), (ulong)scale.Multiplier(6));
                var regionA = rows.region[u];
                var regionOn = regionA >= 0 ? Vector256<long>.AllBitsSet : Vector256<long>.Zero;
                var regionV = Vector256.Create((long)regionA);
                var inPersonA = rows.inPerson[u] ? Vector256<long>.AllBitsSet : Vector256<long>.Zero;
                var (a, tagsA) = (Vector256.Create(member[u]), Vector256.Create(rows.tags[u]));
                var (mixedA, offsetA) = (Vector256.Create(noiseMixed[u]), Vector256.Create(noiseOffset[u]));
                var fresh = Vector256.Create(freshTop);
                var cap = Vector256.Create((ulong)PairCriteria.InterestCap);
                var jitterMask = Vector256.Create((ulong)PairCriteria.JitterMax);
                var third = Vector256.Create(PairScorer.JitterThird).AsUInt32();
                ref var slot = ref rows.slot[start];
                ref var kind = ref rows.kind[start];
                ref var met = ref scratch[start];
                ref var tags = ref rows.tags[start];
                ref var mixedRef = ref noiseMixed[start];
                ref var offsetRef = ref noiseOffset[start];
                ref var memberRef = ref member[start];
                ref var regionRef = ref regionOf[start];
                ref var inPersonRef = ref inPersonMask[start];
                ref var output = ref MemoryMarshal.GetReference(dest);
                for (var i = 0; i < count; i += Vector256<long>.Count)
                {
                    // The two table levels (hours by slot, mentoring by kind) are looked up one lane at a time and put
                    // into a vector directly: written to a stack buffer and loaded back as one vector, the load waited
                    // for four separate stores, and a pair took 2.4 ns instead of 1.5 (bench --weigh, docs/PERFORMANCE.md).
                    var levels = Vector256.Create(
                        hoursRow[Unsafe.Add(ref slot, i)] + mentorRow[Unsafe.Add(ref kind, i)],
                        hoursRow[Unsafe.Add(ref slot, i + 1)] + mentorRow[Unsafe.Add(ref kind, i + 1)],
                        hoursRow[Unsafe.Add(ref slot, i + 2)] + mentorRow[Unsafe.Add(ref kind, i + 2)],
                        hoursRow[Unsafe.Add(ref slot, i + 3)] + mentorRow[Unsafe.Add(ref kind, i + 3)]);
                    var w = fresh - Vector256.LoadUnsafe(ref met, (nuint)i) + levels;
                    var shared = Vector256.Min(PopCount(Vector256.LoadUnsafe(ref tags, (nuint)i) & tagsA), cap);
                    w += MultiplySmall(shared, m3);

                    var regionMatch = regionOn & Vector256.Equals(Vector256.LoadUnsafe(ref regionRef, (nuint)i), regionV) & (inPersonA | Vector256.LoadUnsafe(ref inPersonRef, (nuint)i));
                    w += regionMatch & Vector256.Create(m5);

                    // PairScorer.MixJitter with the lower member's noise first: its first multiply is premultiplied per
                    // member, and the jitter's bits (below 2^29) of the second need only its low 32 bits. Which end is
                    // lower is a compare (AVX2 has a 64-bit one, but no 64-bit arithmetic shift).
                    var first = Vector256.LessThan(a, Vector256.LoadUnsafe(ref memberRef, (nuint)i)).AsUInt64();
                    var h = Vector256.ConditionalSelect(first, mixedA, Vector256.LoadUnsafe(ref mixedRef, (nuint)i))
                        ^ Vector256.ConditionalSelect(first, Vector256.LoadUnsafe(ref offsetRef, (nuint)i), offsetA);
                    h ^= Vector256.ShiftRightLogical(h, 31);
                    h = Avx2.Multiply(h.AsUInt32(), third);
                    h ^= Vector256.ShiftRightLogical(h, 29);
                    w += MultiplySmall(h & jitterMask, m6);
                    w.StoreUnsafe(ref output, (nuint)i);
                }

                return count;
            }

            /// <summary>x * m for lanes x below 2^32 and any m, modulo 2^64: two 32-bit multiplies (AVX2 has no 64-bit one).</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static Vector256<long> MultiplySmall(Vector256<ulong> x, ulong m)
            {
                var low = Avx2.Multiply(x.AsUInt32(), Vector256.Create(m).AsUInt32());
                var high = Avx2.Multiply(x.AsUInt32(), Vector256.Create(m >> 32).AsUInt32());
                return (low + Vector256.ShiftLeft(high, 32)).AsInt64();
            }

            /// <summary>Bits set in each lane: a nibble table looked up per byte, then each lane's bytes summed (AVX2 has no per-lane population count).</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static Vector256<ulong> PopCount(Vector256<ulong> x)
            {
                var table = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
                var nibble = Vector256.Create((byte)0x0F);
                var bytes = x.AsByte();
                var counts = Avx2.Shuffle(table, bytes & nibble) + Avx2.Shuffle(table, Vector256.ShiftRightLogical(x, 4).AsByte() & nibble);
                return Avx2.SumAbsoluteDifferences(counts, Vector256<byte>.Zero).AsUInt64();
            }
        }
    }
}
