namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// The latest digest instants at or before now: the daily 09:00 in a member's zone and the board's weekly
/// day and time. Scheduled work compares them with what was last sent, so a digest fires once per slot,
/// however often (or late) the sweep runs.
/// </summary>
public static class JobSlots
{
    public static readonly TimeOnly DailyAt = new(9, 0);

    public static DateTimeOffset LatestDaily(TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var slot = At(today, DailyAt, zone);
        return slot <= now ? slot : At(today.AddDays(-1), DailyAt, zone);
    }

    /// <summary>The latest weekly slot at or before now, or null when the digest is off.</summary>
    public static DateTimeOffset? LatestWeekly(JobBoard board, DateTimeOffset now)
    {
        if (board.DigestDay is not { } day)
        {
            return null;
        }

        var zone = Scheduling.RoundSchedule.Zone(board.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var back = 0; back <= 7; back++)
        {
            var date = today.AddDays(-back);
            if (date.DayOfWeek == day && At(date, board.DigestTime, zone) is var slot && slot <= now)
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>A local date and time as an instant; a time skipped by a DST change moves an hour later.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
