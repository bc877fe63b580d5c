namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// An organiser's job-leads settings for one community: the channel leads are posted to, and the weekly
/// channel digest's day and local time (<see cref="DigestDay"/> null turns the digest off).
/// <see cref="LastWeeklyDigestAt"/> is the last digest slot handled, so each slot fires once.
/// </summary>
public sealed record JobBoard(
    string CommunityId,
    string ChannelId,
    DayOfWeek? DigestDay,
    TimeOnly DigestTime,
    string TimeZone,
    DateTimeOffset LastWeeklyDigestAt,
    DateTimeOffset UpdatedAt);
