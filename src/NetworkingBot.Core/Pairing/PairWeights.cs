using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// The weight of any pair of a round's members in a few nanoseconds and no allocation: every profile field
/// the criteria read is interned once into small integer codes (tag bit sets, time-zone slots, mentoring
/// kinds, region ids), and the history is keyed by member indices. Large rounds evaluate millions of
/// pairs, so this must agree exactly with <see cref="PairScorer.Criteria"/> (a test checks it) while
/// never building the criteria record.
/// </summary>
internal sealed partial class PairWeights
{
    private readonly int n;
    private readonly int roundNumber;
    private readonly WeightScale scale;
    private readonly Dictionary<long, int> lastMet;
    private readonly int[] metStart;
    private readonly (int Partner, int Round)[] metList;
    private readonly int[] wakeSlot;
    private readonly int[,] hoursBySlot;
    private readonly int words;
    private readonly ulong[] tagBits;
    private readonly int[] mentorKind;
    private readonly int[,] mentorFit;
    private readonly int[] regionId;
    private readonly bool[] inPerson;
    private readonly ulong[] noise;

    public PairWeights(IReadOnlyList<MemberTraits> members, PairingRequest request, WeightScale scale)
    {
        n = members.Count;
        roundNumber = request.RoundNumber;
        this.scale = scale;
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            index[members[i].Id] = i;
        }

        lastMet = [];
        foreach (var (key, round) in request.History.LastMetRound)
        {
            if (index.TryGetValue(key.A, out var a) && index.TryGetValue(key.B, out var b) && a != b)
            {
                lastMet[Key(a, b)] = round;
            }
        }

        metStart = new int[n + 1];
        foreach (var key in lastMet.Keys)
        {
            metStart[(int)(key / n) + 1]++;
            metStart[(int)(key % n) + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            metStart[v + 1] += metStart[v];
        }

        metList = new (int, int)[metStart[n]];
        var fill = (int[])metStart.Clone();
        foreach (var (key, round) in lastMet)
        {
            var (a, b) = ((int)(key / n), (int)(key % n));
            metList[fill[a]++] = (b, round);
            metList[fill[b]++] = (a, round);
        }

        (wakeSlot, hoursBySlot) = InternHours(members);
        var tags = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tag in members.SelectMany(m => m.Interests))
        {
            tags.TryAdd(tag, tags.Count);
        }

        words = Math.Max(1, (tags.Count + 63) / 64);
        tagBits = new ulong[n * words];
        mentorKind = new int[n];
        regionId = new int[n];
        inPerson = new bool[n];
        noise = new ulong[n];
        var kinds = new Dictionary<(PairingLookingFor, PairingStage), int>();
        var representatives = new List<MemberTraits>();
        var regions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < n; i++)
        {
            var m = members[i];
            foreach (var tag in m.Interests)
            {
                var t = tags[tag];
                tagBits[(i * words) + (t >> 6)] |= 1UL << (t & 63);
            }

            var kind = (m.Profile.LookingFor, m.Profile.Stage);
            if (!kinds.TryGetValue(kind, out var k))
            {
                kinds[kind] = k = kinds.Count;
                representatives.Add(m);
            }

            mentorKind[i] = k;
            regionId[i] = m.Region is not null && m.OpenToInPerson ? RegionCode(regions, m.Region) : -1;
            inPerson[i] = m.Profile.Format == PairingFormat.InPerson;
            noise[i] = m.Noise;
        }

        mentorFit = new int[representatives.Count, representatives.Count];
        for (var a = 0; a < representatives.Count; a++)
        {
            for (var b = 0; b < representatives.Count; b++)
            {
                mentorFit[a, b] = PairScorer.MentorFit(representatives[a], representatives[b]);
            }
        }
    }

    public int Count => n;

    /// <summary>The round being planned (history is weighed relative to it).</summary>
    public int RoundNumber => roundNumber;

    public WeightScale Scale => scale;

    /// <summary>The round the pair last met in, or null for a fresh pair.</summary>
    public int? LastMet(int a, int b) => lastMet.TryGetValue(Key(a, b), out var r) ? r : null;

    public bool Fresh(int a, int b) => !lastMet.ContainsKey(Key(a, b));

    /// <summary>Everyone a has met in the history, with the round.</summary>
    public ReadOnlySpan<(int Partner, int Round)> Met(int a) => metList.AsSpan(metStart[a], metStart[a + 1] - metStart[a]);

    /// <summary>Same value as <c>scale.Weight(scorer.Criteria(a, b))</c>.</summary>
    public long Weight(int a, int b)
    {
        var met = lastMet.TryGetValue(Key(a, b), out var last);
        var recency = met ? Math.Clamp(roundNumber - last, 0, PairCriteria.RecencyCap) : PairCriteria.RecencyCap;
        return scale.Weight(!met, recency, hoursBySlot[wakeSlot[a], wakeSlot[b]], SharedTags(a, b), mentorFit[mentorKind[a], mentorKind[b]], Region(a, b), Jitter(a, b));
    }

    /// <summary>Number of shared interest tags (uncapped).</summary>
    public int SharedTags(int a, int b)
    {
        var count = 0;
        for (var w = 0; w < words; w++)
        {
            count += BitOperations.PopCount(tagBits[(a * words) + w] & tagBits[(b * words) + w]);
        }

        return count;
    }

    public int WakeSlot(int a) => wakeSlot[a];

    public int MentorKind(int a) => mentorKind[a];

    public bool InPerson(int a) => inPerson[a];

    public ReadOnlySpan<ulong> Tags(int a) => tagBits.AsSpan(a * words, words);

    private int Region(int a, int b) => regionId[a] >= 0 && regionId[a] == regionId[b] && (inPerson[a] || inPerson[b]) ? 1 : 0;

    private int Jitter(int a, int b)
    {
        var (lo, hi) = a < b ? (noise[a], noise[b]) : (noise[b], noise[a]);
        return PairScorer.MixJitter(lo, hi);
    }

    private long Key(int a, int b) => a < b ? ((long)a * n) + b : ((long)b * n) + a;

    private static int RegionCode(Dictionary<string, int> regions, string region)
    {
        if (!regions.TryGetValue(region, out var id))
        {
            regions[region] = id = regions.Count;
        }

        return id;
    }

    private static (int[] Slot, int[,] Hours) InternHours(IReadOnlyList<MemberTraits> members)
    {
        var starts = new Dictionary<int, int>();
        var slot = new int[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            if (!starts.TryGetValue(members[i].WakeStartUtc, out var s))
            {
                starts[members[i].WakeStartUtc] = s = starts.Count;
            }

            slot[i] = s;
        }

        var hours = new int[starts.Count, starts.Count];
        foreach (var (x, i) in starts)
        {
            foreach (var (y, j) in starts)
            {
                hours[i, j] = WakingHours.OverlapMinutes(x, y) / 60;
            }
        }

        return (slot, hours);
    }
}
