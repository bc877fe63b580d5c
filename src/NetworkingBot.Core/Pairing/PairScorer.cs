using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing;

/// <summary>Scores pairs of one round's members: the criteria for the "why" text and the matching weight.</summary>
internal sealed class PairScorer(IReadOnlyList<MemberTraits> members, PairingRequest request, WeightScale scale)
{
    private readonly PairWeights weights = new(members, request, scale);

    public IReadOnlyList<MemberTraits> Members => members;

    public PairingRequest Request => request;

    /// <summary>The allocation-free weights the matching reads (equal to the criteria's weight).</summary>
    public PairWeights Weights => weights;

    public long Weight(int a, int b) => weights.Weight(a, b);

    public int? LastMet(int a, int b) => weights.LastMet(a, b);

    public bool Fresh(int a, int b) => weights.Fresh(a, b);

    public PairCriteria Criteria(int a, int b)
    {
        var (x, y) = (members[a], members[b]);
        var last = LastMet(a, b);

        // Longer ago is better; a pair that "met" in this or a later round counts as just met.
        var recency = last is int r ? Math.Clamp(request.RoundNumber - r, 0, PairCriteria.RecencyCap) : PairCriteria.RecencyCap;
        var hours = WakingHours.OverlapMinutes(x.WakeStartUtc, y.WakeStartUtc) / 60;
        var region = x.Region is not null && y.Region is not null
            && string.Equals(x.Region, y.Region, StringComparison.OrdinalIgnoreCase)
            && x.OpenToInPerson && y.OpenToInPerson
            && (x.Profile.Format == PairingFormat.InPerson || y.Profile.Format == PairingFormat.InPerson) ? 1 : 0;
        return new PairCriteria(last is null, last, recency, hours, SharedInterests(x, y), MentorFit(x, y), region, Jitter(x, y));
    }

    /// <summary>
    /// Interests both hold, in order: a merge of the two sorted lists (<see cref="MemberTraits.Interests"/>), since
    /// every pair of a round's plan gets its line written and a set per pair was most of that.
    /// </summary>
    public static string[] SharedInterests(MemberTraits x, MemberTraits y)
    {
        var (a, b) = (x.Interests, y.Interests);
        var shared = new List<string>(Math.Min(a.Length, b.Length));
        for (var (i, j) = (0, 0); i < a.Length && j < b.Length;)
        {
            var order = string.CompareOrdinal(a[i], b[j]);
            if (order == 0)
            {
                shared.Add(a[i]);
            }

            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return [.. shared];
    }

    /// <summary>2: explicit mentor-seeker with mentee-seeker; 1: a looser mentoring fit or peers at a similar stage.</summary>
    public static int MentorFit(MemberTraits x, MemberTraits y)
    {
        var (px, py) = (x.Profile, y.Profile);
        if ((px.LookingFor, py.LookingFor) is (PairingLookingFor.Mentor, PairingLookingFor.Mentee) or (PairingLookingFor.Mentee, PairingLookingFor.Mentor))
        {
            return 2;
        }

        if ((px.LookingFor == PairingLookingFor.Mentor && y.MentorMinded) || (py.LookingFor == PairingLookingFor.Mentor && x.MentorMinded)
            || (px.LookingFor == PairingLookingFor.Mentee && y.MenteeMinded) || (py.LookingFor == PairingLookingFor.Mentee && x.MenteeMinded))
        {
            return 1;
        }

        var wantsPeer = px.LookingFor == PairingLookingFor.Peer || py.LookingFor == PairingLookingFor.Peer;
        return wantsPeer && SimilarStage(px.Stage, py.Stage) ? 1 : 0;
    }

    public static bool SimilarStage(PairingStage a, PairingStage b) =>
        a != PairingStage.Unspecified && b != PairingStage.Unspecified && Math.Abs((int)a - (int)b) <= 1;

    /// <summary>Seeded per-member noise mixed symmetrically, so equal communities don't pair in input order.</summary>
    private static int Jitter(MemberTraits x, MemberTraits y)
    {
        var (lo, hi) = x.Index < y.Index ? (x.Noise, y.Noise) : (y.Noise, x.Noise);
        return MixJitter(lo, hi);
    }

    /// <summary>The mix's constants (the vector weights in PairWeights.Wide compute the same mix in a different order).</summary>
    internal const ulong JitterFirst = 0x9E3779B97F4A7C15UL, JitterSecond = 0xC2B2AE3D27D4EB4FUL, JitterThird = 0xBF58476D1CE4E5B9UL;

    // Inlined: it runs for every pair a pricing pass weighs (about 5% of a 10,000-member round's CPU as a call).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MixJitter(ulong lo, ulong hi)
    {
        var h = (lo * JitterFirst) ^ (hi + JitterSecond);
        h ^= h >> 31;
        h *= JitterThird;
        h ^= h >> 29;
        return (int)(h % (PairCriteria.JitterMax + 1));
    }
}
