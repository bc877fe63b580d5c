namespace NetworkingBot.Core.Scheduling;

/// <summary>
/// When a program's rounds fall, computed in the program's own time zone so "Monday 09:00 in Chicago" stays
/// 09:00 across daylight-saving changes. The host's scheduler fires at these instants; status and preview
/// show them. Weekly: every <see cref="IRoundCalendar.Day"/>; biweekly: every other one counted from the
/// week of <see cref="IRoundCalendar.Anchor"/>; monthly: the first such weekday of each month.
/// </summary>
public static class RoundSchedule
{
    /// <summary>The first round instant strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset Next(IRoundCalendar calendar, DateTimeOffset after)
    {
        var zone = Zone(calendar.TimeZone);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime).AddDays(-1);
        for (var i = 0; i < 800; i++, localDate = localDate.AddDays(1))
        {
            if (IsRoundDay(calendar, localDate) && ToInstant(localDate, calendar.Time, zone) is var at && at > after)
            {
                return at;
            }
        }

        throw new InvalidOperationException("No round day within two years; the program settings are inconsistent.");
    }

    /// <summary>The latest round instant at or before <paramref name="atOrBefore"/>, or null if none in the last two years.</summary>
    public static DateTimeOffset? Previous(IRoundCalendar calendar, DateTimeOffset atOrBefore)
    {
        var zone = Zone(calendar.TimeZone);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(atOrBefore, zone).DateTime).AddDays(1);
        for (var i = 0; i < 800; i++, localDate = localDate.AddDays(-1))
        {
            if (IsRoundDay(calendar, localDate) && ToInstant(localDate, calendar.Time, zone) is var at && at <= atOrBefore)
            {
                return at;
            }
        }

        return null;
    }

    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static bool IsRoundDay(IRoundCalendar calendar, DateOnly date)
    {
        if (date.DayOfWeek != calendar.Day)
        {
            return false;
        }

        return calendar.Cadence switch
        {
            Cadence.Biweekly => ((date.DayNumber - WeekStart(calendar.Anchor, calendar.Day).DayNumber) / 7 % 2 + 2) % 2 == 0,
            Cadence.Monthly => date.Day <= 7,
            _ => true,
        };
    }

    // The first program weekday on or after the anchor: biweekly rounds count fortnights from it.
    private static DateOnly WeekStart(DateOnly anchor, DayOfWeek day) =>
        anchor.AddDays(((int)day - (int)anchor.DayOfWeek + 7) % 7);

    /// <summary>
    /// Local date and time to an instant. A time that does not exist (skipped by a spring-forward) moves to the
    /// first valid minute after the gap; an ambiguous one (fall-back) takes the first occurrence.
    /// </summary>
    internal static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
