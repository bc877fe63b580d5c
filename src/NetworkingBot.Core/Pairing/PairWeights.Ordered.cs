using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing;

internal sealed partial class PairWeights
{
    /// <summary>A view of the weights over <paramref name="members"/> in that order, for pricing them row by row.</summary>
    public OrderedRows Ordered(int[] members) => new(this, members);

    /// <summary>
    /// Fills a table of the weights among <paramref name="members"/> (vertex u's row: u+1 onwards), through the ordered
    /// rows, one row at a time (the table fills its rows in order on one thread). Blocks of 2,000 at 100,000 members
    /// spent 2.0 of the round's 9 CPU-seconds weighing their tables pair by pair (docs/PERFORMANCE.md).
    /// </summary>
    public Matching.RowFiller TableRows(int[] members)
    {
        var rows = Ordered(members);
        var scratch = new long[members.Length];
        return (u, row) => rows.Row(u, u + 1, row[..(members.Length - u - 1)], scratch);
    }

    /// <summary>
    /// The weights of a fixed list of members, with every field a weight reads copied into that list's order, for
    /// the pricing passes of <see cref="StreamedWeights"/> (tens of millions of pairs at 10,000 members). Rows of
    /// consecutive vertices read those fields in sequence instead of gathering them by member index, the hours,
    /// mentoring and interest levels are premultiplied tables, and the two data-dependent choices (region match,
    /// which end's noise comes first in the jitter) are computed without branches: the pricing passes of a
    /// 10,000-member round took about 10% less CPU (docs/PERFORMANCE.md). The result equals <see cref="Weight"/>;
    /// a test checks every pair.
    /// </summary>
    internal sealed partial class OrderedRows
    {
        private readonly PairWeights source;
        private readonly int[] members;
        private readonly int[] vertexOf;
        private readonly int[] slot;
        private readonly int[] kind;
        private readonly int[] region;
        private readonly bool[] inPerson;
        private readonly ulong[] noise;
        private readonly ulong[] tags;
        private readonly long[] hoursWeight;
        private readonly long[] mentorWeight;
        private readonly long[] interestWeight;
        private readonly int slots;
        private readonly int kinds;
        private readonly Wide? wide;

        public OrderedRows(PairWeights source, int[] members)
        {
            this.source = source;
            this.members = members;
            var count = members.Length;
            vertexOf = new int[source.n];
            Array.Fill(vertexOf, -1);
            slot = new int[count];
            kind = new int[count];
            region = new int[count];
            inPerson = new bool[count];
            noise = new ulong[count];
            tags = new ulong[count * source.words];
            for (var v = 0; v < count; v++)
            {
                var m = members[v];
                vertexOf[m] = v;
                (slot[v], kind[v], region[v], inPerson[v], noise[v]) = (source.wakeSlot[m], source.mentorKind[m], source.regionId[m], source.inPerson[m], source.noise[m]);
                source.Tags(m).CopyTo(tags.AsSpan(v * source.words, source.words));
            }

            wide = Wide.Supported && source.words == 1 ? new Wide(members, region, inPerson, noise) : null;

            slots = source.hoursBySlot.GetLength(0);
            hoursWeight = new long[slots * slots];
            for (var s = 0; s < slots; s++)
            {
                for (var t = 0; t < slots; t++)
                {
                    hoursWeight[(s * slots) + t] = source.hoursBySlot[s, t] * source.scale.Multiplier(2);
                }
            }

            // Per count of shared tags (a tag set has at most 64 per word), the capped interest weight.
            interestWeight = [.. Enumerable.Range(0, (64 * source.words) + 1).Select(t => Math.Min(t, PairCriteria.InterestCap) * source.scale.Multiplier(3))];
            kinds = source.mentorFit.GetLength(0);
            mentorWeight = new long[kinds * kinds];
            for (var a = 0; a < kinds; a++)
            {
                for (var b = 0; b < kinds; b++)
                {
                    mentorWeight[(a * kinds) + b] = source.mentorFit[a, b] * source.scale.Multiplier(4);
                }
            }
        }

        /// <summary>
        /// Weights of vertex u with vertices start .. start + dest.Length - 1, into <paramref name="dest"/>, with
        /// <paramref name="scratch"/> all zero (left zero).
        /// </summary>
        public void Row(int u, int start, Span<long> dest, long[] scratch)
        {
            Spread(u, scratch);
            Weigh(u, start, dest, scratch);
            Clear(u, scratch);
        }

        /// <summary>
        /// Spreads the history of vertex u into <paramref name="scratch"/> (one cell per vertex, all zero before): a
        /// met partner's cell holds how far its recency weight falls short of a fresh pair's. Pricing spreads a row
        /// once for all its chunks: a long-standing member's history is read once a row, not once per 64 pairs.
        /// </summary>
        public void Spread(int u, long[] scratch)
        {
            var scale = source.scale;
            var m1 = scale.Multiplier(1);
            var freshTop = scale.Multiplier(0) + (PairCriteria.RecencyCap * m1);
            foreach (var (partner, round) in source.Met(members[u]))
            {
                if (vertexOf[partner] >= 0)
                {
                    scratch[vertexOf[partner]] = freshTop - (Math.Clamp(source.roundNumber - round, 0, PairCriteria.RecencyCap) * m1);
                }
            }
        }

        /// <summary>Undoes <see cref="Spread"/>: every cell of <paramref name="scratch"/> zero again.</summary>
        public void Clear(int u, long[] scratch)
        {
            foreach (var (partner, _) in source.Met(members[u]))
            {
                if (vertexOf[partner] >= 0)
                {
                    scratch[vertexOf[partner]] = 0;
                }
            }
        }

        /// <summary>
        /// Weights of vertex u with vertices start .. start + dest.Length - 1, into <paramref name="dest"/>, with u's
        /// history spread into <paramref name="scratch"/> (<see cref="Spread"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Weigh(int u, int start, Span<long> dest, long[] scratch)
        {
            // Every pair starts fresh; a met partner's cell holds what its recency falls short of that.
            var a = members[u];
            var scale = source.scale;
            var freshTop = scale.Multiplier(0) + (PairCriteria.RecencyCap * scale.Multiplier(1));
            var words = source.words;
            var hoursRow = hoursWeight.AsSpan(slot[u] * slots, slots);
            var mentorRow = mentorWeight.AsSpan(kind[u] * kinds, kinds);
            var shareRow = interestWeight.AsSpan();
            var m5 = scale.Multiplier(5);
            var m6 = scale.Multiplier(6);
            var (regionA, inPersonA, noiseA, tagsA) = (region[u], inPerson[u], noise[u], tags[u * words]);
            var length = dest.Length;
            var memberSpan = members.AsSpan(start, length);
            var slotSpan = slot.AsSpan(start, length);
            var kindSpan = kind.AsSpan(start, length);
            var regionSpan = region.AsSpan(start, length);
            var inPersonSpan = inPerson.AsSpan(start, length);
            var noiseSpan = noise.AsSpan(start, length);
            var tagSpan = tags.AsSpan(start * words, length * words);
            var metSpan = scratch.AsSpan(start, length);
            var done = wide is null ? 0 : wide.Row(this, u, start, dest, scratch, freshTop, hoursRow, mentorRow);
            for (var i = done; i < length; i++)
            {
                var w = freshTop - metSpan[i] + hoursRow[slotSpan[i]] + mentorRow[kindSpan[i]];
                var shared = words == 1 ? BitOperations.PopCount(tagsA & tagSpan[i]) : SharedTags(u, start + i);
                w += shareRow[shared];

                // Without branches: which end is lower and whether the region counts are both data-dependent.
                var regionMatch = (regionA >= 0) & (regionA == regionSpan[i]) & (inPersonA | inPersonSpan[i]);
                w += m5 & -(long)Unsafe.As<bool, byte>(ref regionMatch);
                var first = (ulong)(((long)a - memberSpan[i]) >> 63);
                var nb = noiseSpan[i];
                var (lo, hi) = ((noiseA & first) | (nb & ~first), (nb & first) | (noiseA & ~first));
                dest[i] = w + (PairScorer.MixJitter(lo, hi) * m6);
            }
        }

        private int SharedTags(int u, int v)
        {
            var words = source.words;
            var count = 0;
            for (var w = 0; w < words; w++)
            {
                count += BitOperations.PopCount(tags[(u * words) + w] & tags[(v * words) + w]);
            }

            return count;
        }
    }
}
