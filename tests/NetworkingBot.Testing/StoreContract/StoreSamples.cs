using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>
/// Sample records for the contract suite. Times carry sub-millisecond ticks and non-UTC offsets on purpose:
/// a store must keep the instant to the tick (it may normalise the offset).
/// </summary>
public static class StoreSamples
{
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 4, 17, 30, 5, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    public static Member Member(string communityId, string userId, params string[] interests) => new(
        communityId,
        userId,
        DisplayName: $"Name of {userId} — ünïcode",
        new MemberProfile(
            interests.Length == 0 ? ["zines", "archives", "metadata"] : interests,
            "Europe/Berlin",
            CareerStage.MidCareer,
            LookingFor.Mentor,
            MeetingFormat.InPerson,
            Region: "Bavaria",
            Cadence.Biweekly),
        MemberStatus.Active,
        JoinedAt: T0,
        PausedUntil: T0.AddDays(10).AddTicks(3),
        SkipNext: true,
        IgnoredCheckIns: 2,
        LastRoundAt: T0.AddDays(-7).ToOffset(TimeSpan.FromHours(-5)));

    public static CoffeeSchedule Program(string communityId) => new(
        communityId,
        ChannelId: $"chan-{communityId}",
        DayOfWeek.Thursday,
        new TimeOnly(9, 45, 30).Add(TimeSpan.FromTicks(1_234_567)),
        "America/Chicago",
        Cadence.Monthly,
        GroupSize: 3,
        CheckInAfterDays: 6,
        Anchor: new DateOnly(2025, 1, 2),
        Enabled: true,
        UpdatedAt: T0);

    public static RoundGroup Group(int index, params string[] members) => new(index, members, $"why {index}: shared interests");

    public static Round Round(string communityId, string slotKey, params RoundGroup[] groups) => new(
        RoundId: $"{communityId}-{slotKey}-{Guid.NewGuid():N}",
        communityId,
        slotKey,
        Number: 0,
        ScheduledFor: T0.AddHours(1),
        CreatedAt: T0.AddTicks(42),
        RoundStatus.Claimed,
        Seed: 123_456_789,
        groups,
        Unmatched: [],
        CheckInAt: T0.AddDays(6).ToOffset(TimeSpan.FromHours(9)));

    public static CheckInResponse CheckIn(Round round, string userId, CheckInAnswer answer) =>
        new(round.RoundId, round.CommunityId, userId, answer, T0.AddDays(7).AddTicks(9));
}
