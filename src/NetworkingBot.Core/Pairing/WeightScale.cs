namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Turns per-pair criteria into one integer weight with a priority between criteria. A boundary between a
/// level and everything below it is <em>strict</em> when the level's multiplier exceeds the largest possible
/// sum of all lower levels over <c>edgeBudget</c> edges (every edge a plan can contain), so no amount of
/// lower-level gain across a whole plan can buy one unit of a higher level.
/// </summary>
/// <remarks>
/// Strict boundaries cost a factor of edgeBudget each, and 63 bits cannot hold seven of them for large
/// communities. So boundaries are relaxed from the bottom up until the top weight fits
/// <see cref="MaxWeight"/>: a relaxed boundary still ranks criteria within one pair, just not across a plan.
/// The boundaries above hours (fresh &gt; recency &gt; the rest) stay strict up to edgeBudget = 200,000
/// (top weight ≈ 1.4e16 &lt; 2^57); all boundaries are strict up to edgeBudget = 226 members (checked by a test).
/// </remarks>
internal sealed class WeightScale
{
    /// <summary>Each edge stays below 2^57 so a trio's two edges still fit the matching's 2^59 bound.</summary>
    public const long MaxWeight = 1L << 57;

    // Top to bottom: fresh, recency, hours, interests, mentor, region, jitter.
    private static readonly long[] LevelMax = [1, PairCriteria.RecencyCap, 13, PairCriteria.InterestCap, 2, 1, PairCriteria.JitterMax];

    private readonly long[] multiplier;

    public WeightScale(int edgeBudget)
    {
        var budget = Math.Max(1, (long)edgeBudget);
        for (var relaxed = 0; relaxed < LevelMax.Length; relaxed++)
        {
            if (TryBuild(budget, relaxed, out var m))
            {
                multiplier = m;
                StrictBoundaries = LevelMax.Length - 1 - relaxed;
                return;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(edgeBudget), "Community too large for 64-bit weights.");
    }

    /// <summary>How many of the six boundaries (counted from the top) are strict across a whole plan.</summary>
    public int StrictBoundaries { get; }

    /// <summary>The weight of a pair, nonnegative and at most <see cref="MaxWeight"/>.</summary>
    public long Weight(PairCriteria c) =>
        Weight(c.Fresh, c.Recency, c.HoursOverlap, c.SharedInterests, c.Mentor, c.Region, c.Jitter);

    /// <summary>The same weight from raw level values, without allocating (the hot path of large rounds).</summary>
    public long Weight(bool fresh, int recency, int hours, int interests, int mentor, int region, int jitter) =>
        (fresh ? multiplier[0] : 0)
        + (Math.Clamp(recency, 0, LevelMax[1]) * multiplier[1])
        + (Math.Clamp(hours, 0, LevelMax[2]) * multiplier[2])
        + (Math.Clamp(interests, 0, LevelMax[3]) * multiplier[3])
        + (Math.Clamp(mentor, 0, LevelMax[4]) * multiplier[4])
        + (Math.Clamp(region, 0, LevelMax[5]) * multiplier[5])
        + (Math.Clamp(jitter, 0, LevelMax[6]) * multiplier[6]);

    /// <summary>
    /// What the fresh and recency levels give <paramref name="pairs"/> fresh pairs: the same for every
    /// repeat-free perfect matching of a round, and far larger than the preferences below it, so quality is
    /// measured on what lies above it (<see cref="MatchOutcome.PreferenceRatio"/>). 128 bits: 50,000 pairs
    /// of about 2^57 each pass 2^63.
    /// </summary>
    public Int128 FreshPart(int pairs) => (Int128)pairs * (multiplier[0] + (PairCriteria.RecencyCap * multiplier[1]));

    /// <summary>The weight a level contributes per unit (0 = fresh ... 6 = jitter).</summary>
    public long Multiplier(int level) => multiplier[level];

    /// <summary>Builds multipliers bottom-up; the lowest <paramref name="relaxed"/> boundaries are per-edge only.</summary>
    private static bool TryBuild(long budget, int relaxed, out long[] result)
    {
        var levels = LevelMax.Length;
        result = new long[levels];
        result[levels - 1] = 1;
        Int128 below = LevelMax[levels - 1];
        for (var i = levels - 2; i >= 0; i--)
        {
            var boundaryFromBottom = levels - 2 - i;
            Int128 m = boundaryFromBottom < relaxed ? below + 1 : (budget * below) + 1;
            below += m * LevelMax[i];
            if (below > MaxWeight)
            {
                return false;
            }

            result[i] = (long)m;
        }

        return true;
    }
}
