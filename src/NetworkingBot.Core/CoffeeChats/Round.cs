namespace NetworkingBot.Core.CoffeeChats;

public enum RoundStatus
{
    /// <summary>The slot is taken; nothing planned yet.</summary>
    Claimed,

    /// <summary>Groups are chosen and stored; delivery may be in progress.</summary>
    Planned,

    /// <summary>The announcement and every intro went out.</summary>
    Delivered,

    /// <summary>Check-ins went out.</summary>
    CheckInSent,

    /// <summary>Check-in answers are counted; unanswered ones were added to members' ignored count.</summary>
    Closed,
}

/// <summary>One group of a round, with the sentence that explains the match.</summary>
public sealed record RoundGroup(int Index, IReadOnlyList<string> Members, string Why);

/// <summary>
/// A pairing round. <see cref="SlotKey"/> is unique per community: the scheduled instant for a
/// scheduled round, "manual:..." for a pair-now, so a slot can be claimed only once.
/// <see cref="Unmatched"/> lists eligible members who could not be placed (only when a single member is eligible).
/// </summary>
public sealed record Round(
    string RoundId,
    string CommunityId,
    string SlotKey,
    int Number,
    DateTimeOffset ScheduledFor,
    DateTimeOffset CreatedAt,
    RoundStatus Status,
    int Seed,
    IReadOnlyList<RoundGroup> Groups,
    IReadOnlyList<string> Unmatched,
    DateTimeOffset CheckInAt)
{
    public RoundGroup? GroupOf(string userId) => Groups.FirstOrDefault(g => g.Members.Contains(userId, StringComparer.Ordinal));
}

public enum CheckInAnswer
{
    Met,
    Scheduled,
    NotThisTime,
}

/// <summary>A member's answer to a round's check-in. A later answer replaces an earlier one.</summary>
public sealed record CheckInResponse(string RoundId, string CommunityId, string UserId, CheckInAnswer Answer, DateTimeOffset AnsweredAt);
