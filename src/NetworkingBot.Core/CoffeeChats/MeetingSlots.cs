using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Suggests up to three 30-minute meeting times in the week after a round for everyone in a group, using the
/// pairing's waking-hours model (local 08:00-21:00, unknown zones read as UTC, see <see cref="WakingHours"/>): every
/// slot lies inside every member's waking hours, on weekdays in working hours (09:00-17:00) for as many of them as
/// possible. Local times are taken at each slot's own instant, so a daylight-saving change during the week is
/// honoured. Pure: the same round and group always give the same slots, so a resumed delivery says the same.
/// </summary>
public static class MeetingSlots
{
    public const int MaxSlots = 3;
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(30);

    private const int WakeStart = 8 * 60;
    private const int WakeEnd = WakeStart + WakingHours.WakeMinutes;
    private const int WorkStart = 9 * 60;
    private const int WorkEnd = 17 * 60;

    // The first suggestion is half a day after the intro, so nobody is offered a time before they have read it;
    // suggestions on one day would leave no choice, so they are at least 20 hours apart.
    private static readonly TimeSpan Lead = TimeSpan.FromHours(12);
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(7);
    private static readonly TimeSpan Apart = TimeSpan.FromHours(20);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    /// <summary>Slot starts in time order; empty when the members' waking hours never overlap for 30 minutes.</summary>
    public static IReadOnlyList<DateTimeOffset> Suggest(DateTimeOffset roundTime, IReadOnlyList<string> timeZones)
    {
        var zones = timeZones.Select(WakingHours.Resolve).ToList();
        var first = RoundUp(roundTime + Lead);
        var candidates = new List<(DateTimeOffset At, int Working, int Margin)>();
        for (var at = first; at < roundTime + Horizon; at += Step)
        {
            if (Fit(at, zones) is { } fit)
            {
                candidates.Add((at, fit.Working, fit.Margin));
            }
        }

        var chosen = new List<DateTimeOffset>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Working).ThenByDescending(c => c.Margin).ThenBy(c => c.At))
        {
            if (chosen.Count == MaxSlots)
            {
                break;
            }

            if (chosen.All(c => (c - candidate.At).Duration() >= Apart))
            {
                chosen.Add(candidate.At);
            }
        }

        return chosen.Order().ToList();
    }

    /// <summary>The zone id a slot is spelled out in for one member: their own when the system knows it, else UTC.</summary>
    public static string ZoneName(string? timeZone) =>
        WakingHours.Resolve(timeZone) == TimeZoneInfo.Utc ? "UTC" : timeZone!.Trim();

    /// <summary>
    /// Null when the slot falls outside someone's waking hours; otherwise how many members have it on a weekday in
    /// working hours, and the fewest minutes any of them has between the slot and the edge of their waking day (more
    /// is kinder: nobody at the crack of dawn or the end of their evening).
    /// </summary>
    private static (int Working, int Margin)? Fit(DateTimeOffset at, IReadOnlyList<TimeZoneInfo> zones)
    {
        var working = 0;
        var margin = int.MaxValue;
        foreach (var zone in zones)
        {
            var local = TimeZoneInfo.ConvertTime(at, zone);
            var start = (int)local.TimeOfDay.TotalMinutes;
            var end = start + (int)Length.TotalMinutes;
            if (start < WakeStart || end > WakeEnd)
            {
                return null;
            }

            if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && start >= WorkStart && end <= WorkEnd)
            {
                working++;
            }

            margin = Math.Min(margin, Math.Min(start - WakeStart, WakeEnd - end));
        }

        return (working, margin);
    }

    private static DateTimeOffset RoundUp(DateTimeOffset at)
    {
        var ticks = Step.Ticks;
        var utc = at.UtcTicks;
        return new DateTimeOffset((utc + ticks - 1) / ticks * ticks, TimeSpan.Zero);
    }
}
