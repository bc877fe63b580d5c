namespace NetworkingBot.Core.Pairing;

/// <summary>
/// What one pair has going for it, level by level (see <see cref="WeightScale"/> for the priority).
/// <see cref="Recency"/> is rounds since they last met, capped; a fresh pair gets the cap.
/// <see cref="Mentor"/> is 2 for an explicit mentor/mentee match, 1 for a softer fit (a senior member
/// for a mentor-seeker, or peers at a similar stage). <see cref="Jitter"/> is the seeded tie-breaker.
/// </summary>
internal sealed record PairCriteria(
    bool Fresh,
    int? LastMetRound,
    int Recency,
    int HoursOverlap,
    IReadOnlyList<string> Shared,
    int Mentor,
    int Region,
    int Jitter)
{
    public const int RecencyCap = 52;
    public const int InterestCap = 4;
    public const int JitterMax = 7;

    public int SharedInterests => Math.Min(Shared.Count, InterestCap);
}
