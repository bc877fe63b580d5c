using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// An organiser's coffee-chat settings for one community. Rounds happen on <see cref="Day"/> at
/// <see cref="Time"/> in <see cref="TimeZone"/>; biweekly rounds count weeks from <see cref="Anchor"/>,
/// monthly rounds fall on the first such weekday of the month.
/// </summary>
public sealed record CoffeeSchedule(
    string CommunityId,
    string ChannelId,
    DayOfWeek Day,
    TimeOnly Time,
    string TimeZone,
    Cadence Cadence,
    int GroupSize,
    int CheckInAfterDays,
    DateOnly Anchor,
    bool Enabled,
    DateTimeOffset UpdatedAt) : IRoundCalendar;
