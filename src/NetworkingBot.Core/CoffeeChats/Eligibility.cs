using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>Who takes part in a round: active, not paused, not skipping, and due by their own cadence.</summary>
public static class Eligibility
{
    public static bool IsEligible(Member member, DateTimeOffset roundAt) => IsAvailable(member, roundAt) && IsDue(member, roundAt);

    /// <summary>
    /// Active, not paused and due by cadence: whom a scheduled round is for, a pending "skip next round" aside
    /// (that member is expected, and sits this one out).
    /// </summary>
    public static bool IsExpected(Member member, DateTimeOffset roundAt) =>
        member.Status == MemberStatus.Active && !member.IsPausedAt(roundAt) && IsDue(member, roundAt);

    /// <summary>Active, not paused and not skipping: who an organiser's pair-now includes.</summary>
    public static bool IsAvailable(Member member, DateTimeOffset roundAt) =>
        member.Status == MemberStatus.Active && !member.IsPausedAt(roundAt) && !member.SkipNext;

    /// <summary>
    /// A member is due when their last round is at least their cadence ago. A day of slack keeps a weekly
    /// member in a weekly program even when a round runs a little early (pair-now, a DST shift).
    /// </summary>
    public static bool IsDue(Member member, DateTimeOffset roundAt) =>
        member.LastRoundAt is not { } last || roundAt - last >= Interval(member.Profile.Cadence) - TimeSpan.FromDays(1);

    public static TimeSpan Interval(Cadence cadence) => cadence switch
    {
        Cadence.Biweekly => TimeSpan.FromDays(14),
        Cadence.Monthly => TimeSpan.FromDays(28),
        _ => TimeSpan.FromDays(7),
    };
}
