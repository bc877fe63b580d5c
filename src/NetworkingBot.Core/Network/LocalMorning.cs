namespace NetworkingBot.Core.Network;

/// <summary>When a member's morning is: nudges go out at 09:00 in their time zone (UTC when unknown or unreadable).</summary>
public static class LocalMorning
{
    /// <summary>The hour of the morning nudges go out, local time.</summary>
    public static readonly TimeOnly Hour = new(9, 0);

    /// <summary>
    /// The first local 09:00 on the calendar day <paramref name="days"/> after <paramref name="from"/>'s local day;
    /// with <paramref name="days"/> 0, the next 09:00 at or after <paramref name="from"/>.
    /// </summary>
    public static DateTimeOffset After(DateTimeOffset from, int days, string? timeZone)
    {
        var zone = Zone(timeZone);
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var day = DateOnly.FromDateTime(local.DateTime).AddDays(days);
        var candidate = At(day, zone);
        return candidate >= from ? candidate : At(day.AddDays(1), zone);
    }

    /// <summary>The member's local calendar day at <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, string? timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(timeZone)).DateTime);

    private static DateTimeOffset At(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(Hour);

        // 09:00 is never inside a DST gap in practice; if a zone ever puts it there, an hour later is the morning.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo Zone(string? id) =>
        id is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
