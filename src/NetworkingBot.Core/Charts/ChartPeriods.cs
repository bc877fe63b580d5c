using System.Globalization;

namespace NetworkingBot.Core.Charts;

/// <summary>One bucket of a chart's time axis: [Start, End) as instants, and its label in the community's zone.</summary>
public sealed record ChartPeriod(DateTimeOffset Start, DateTimeOffset End, string Label)
{
    public bool Holds(DateTimeOffset at) => at >= Start && at < End;
}

/// <summary>
/// Calendar weeks (Monday to Sunday) and months in a community's time zone, ending with the one that holds now, so a
/// chart's buckets are the weeks and months its members live in, daylight saving included.
/// </summary>
public static class ChartPeriods
{
    public static IReadOnlyList<ChartPeriod> Weeks(DateTimeOffset now, TimeZoneInfo zone, int count)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return Enumerable.Range(0, count).Reverse()
            .Select(back => monday.AddDays(-7 * back))
            .Select(start => new ChartPeriod(At(start, zone), At(start.AddDays(7), zone), start.ToString("d MMM", CultureInfo.InvariantCulture)))
            .ToList();
    }

    public static IReadOnlyList<ChartPeriod> Months(DateTimeOffset now, TimeZoneInfo zone, int count)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var first = new DateOnly(local.Year, local.Month, 1);
        return Enumerable.Range(0, count).Reverse()
            .Select(back => first.AddMonths(-back))
            .Select(start => new ChartPeriod(At(start, zone), At(start.AddMonths(1), zone), start.ToString("MMM yyyy", CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Local midnight of <paramref name="date"/> as an instant (a midnight skipped by a clock change moves to the next valid time).</summary>
    private static DateTimeOffset At(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
