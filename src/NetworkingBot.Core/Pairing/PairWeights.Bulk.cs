using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing;

/// <summary>Bulk reads for large rounds: a whole row of weights at once, and per-member upper bounds.</summary>
internal sealed partial class PairWeights
{
    /// <summary>
    /// Weights of member a with each of <paramref name="others"/>, into <paramref name="dest"/>: the complete
    /// graph's hot loop. The history of a is spread into <paramref name="scratch"/> (length n, all zero,
    /// left zero) so each pair costs array reads only; the result equals <see cref="Weight"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(int a, ReadOnlySpan<int> others, Span<long> dest, int[] scratch)
    {
        foreach (var (partner, round) in Met(a))
        {
            scratch[partner] = round + 1;
        }

        var (m0, m1, m2, m3, m4, m5, m6) = (scale.Multiplier(0), scale.Multiplier(1), scale.Multiplier(2), scale.Multiplier(3), scale.Multiplier(4), scale.Multiplier(5), scale.Multiplier(6));
        var freshTop = m0 + (PairCriteria.RecencyCap * m1);
        var (slotA, kindA, regionA, inPersonA, noiseA) = (wakeSlot[a], mentorKind[a], regionId[a], inPerson[a], noise[a]);
        var tagsA = words == 1 ? tagBits[a] : 0;
        for (var i = 0; i < others.Length; i++)
        {
            var b = others[i];
            var met = scratch[b];
            long w = met == 0 ? freshTop : Math.Clamp(roundNumber - (met - 1), 0, PairCriteria.RecencyCap) * m1;
            w += hoursBySlot[slotA, wakeSlot[b]] * m2;
            var shared = words == 1 ? BitOperations.PopCount(tagsA & tagBits[b]) : SharedTags(a, b);
            w += Math.Min(shared, PairCriteria.InterestCap) * m3;
            w += mentorFit[kindA, mentorKind[b]] * m4;
            w += regionA >= 0 && regionA == regionId[b] && (inPersonA || inPerson[b]) ? m5 : 0;
            var (lo, hi) = a < b ? (noiseA, noise[b]) : (noise[b], noiseA);
            dest[i] = w + (PairScorer.MixJitter(lo, hi) * m6);
        }

        foreach (var (partner, _) in Met(a))
        {
            scratch[partner] = 0;
        }
    }

    /// <summary>
    /// A weight no partner of v can exceed, from level bounds alone (fresh, longest recency, the best waking
    /// overlap with any slot in the round, min(4, v's tags) shared, the best mentoring kind present, a region
    /// match when v has a region, the largest jitter), so it needs no pass over all pairs.
    /// </summary>
    public long UpperBound(int v)
    {
        bounds ??= LevelBounds();
        return UpperBound(v, bounds[v].Hours);
    }

    /// <summary>As <see cref="UpperBound(int)"/>, for partners sharing at most <paramref name="hours"/> waking hours with v.</summary>
    public long UpperBound(int v, int hours)
    {
        bounds ??= LevelBounds();
        var mentor = bounds[v].Mentor;
        var tags = 0;
        foreach (var word in Tags(v))
        {
            tags += BitOperations.PopCount(word);
        }

        return scale.Weight(true, PairCriteria.RecencyCap, hours, tags, mentor, regionId[v] >= 0 ? 1 : 0, PairCriteria.JitterMax);
    }

    /// <summary>
    /// A weight no partner of v from another waking slot can exceed: as <see cref="UpperBound"/>, with the best
    /// overlap over the other slots only (long.MinValue when everyone shares v's slot).
    /// </summary>
    public long UpperBoundOutsideSlot(int v)
    {
        otherSlotHours ??= OtherSlotHours();
        if (otherSlotHours[wakeSlot[v]] < 0)
        {
            return long.MinValue;
        }

        bounds ??= LevelBounds();
        var tags = 0;
        foreach (var word in Tags(v))
        {
            tags += BitOperations.PopCount(word);
        }

        return scale.Weight(true, PairCriteria.RecencyCap, otherSlotHours[wakeSlot[v]], tags, bounds[v].Mentor, regionId[v] >= 0 ? 1 : 0, PairCriteria.JitterMax);
    }

    /// <summary>Number of distinct waking slots (values of <see cref="WakeSlot"/> are below it).</summary>
    public int SlotCount => hoursBySlot.GetLength(0);

    /// <summary>Waking hours shared by members of the two slots.</summary>
    public int SharedHours(int slotA, int slotB) => hoursBySlot[slotA, slotB];

    /// <summary>Per slot, the most waking hours it shares with any other slot present (-1 when there is none).</summary>
    private int[] OtherSlotHours()
    {
        var slots = wakeSlot.Distinct().ToArray();
        var result = new int[hoursBySlot.GetLength(0)];
        Array.Fill(result, -1);
        foreach (var s in slots)
        {
            foreach (var t in slots.Where(t => t != s))
            {
                result[s] = Math.Max(result[s], hoursBySlot[s, t]);
            }
        }

        return result;
    }

    private int[]? otherSlotHours;

    private (int Hours, int Mentor)[] LevelBounds()
    {
        var slots = wakeSlot.Distinct().ToArray();
        var kinds = mentorKind.Distinct().ToArray();
        var result = new (int, int)[n];
        for (var v = 0; v < n; v++)
        {
            result[v] = (slots.Max(s => hoursBySlot[wakeSlot[v], s]), kinds.Max(k => mentorFit[mentorKind[v], k]));
        }

        return result;
    }

    private (int Hours, int Mentor)[]? bounds;

    public int RegionId(int a) => regionId[a];
}
