namespace NetworkingBot.Core.CoffeeChats;

public enum MemberStatus
{
    Active,
    Left,
}

/// <summary>
/// A coffee-chat participant in one community.
/// <see cref="PausedUntil"/> is an instant: the member is paused while now is before it.
/// <see cref="IgnoredCheckIns"/> counts unanswered check-ins in a row; three pause the member.
/// <see cref="LastRoundAt"/> is when they were last placed in a group, which drives their cadence.
/// </summary>
public sealed record Member(
    string CommunityId,
    string UserId,
    string DisplayName,
    MemberProfile Profile,
    MemberStatus Status,
    DateTimeOffset JoinedAt,
    DateTimeOffset? PausedUntil,
    bool SkipNext,
    int IgnoredCheckIns,
    DateTimeOffset? LastRoundAt)
{
    public bool IsPausedAt(DateTimeOffset now) => PausedUntil is { } until && now < until;
}
