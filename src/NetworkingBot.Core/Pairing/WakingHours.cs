namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Waking hours (local 08:00–21:00) placed on the UTC day of the round. Offsets are taken at the round's
/// instant, so daylight saving moves a member's window exactly when it moves their calendar.
/// </summary>
internal static class WakingHours
{
    public const int DayMinutes = 24 * 60;
    public const int WakeMinutes = (21 - 8) * 60;

    /// <summary>UTC minute of the day (0..1439) at which the member's waking window opens.</summary>
    public static int StartUtcMinute(string? timeZoneId, DateTimeOffset roundTime)
    {
        var offset = (int)Math.Round(Resolve(timeZoneId).GetUtcOffset(roundTime).TotalMinutes);
        return Mod((8 * 60) - offset, DayMinutes);
    }

    /// <summary>Unknown, empty or malformed ids mean UTC: a bad profile must never stop a round.</summary>
    public static TimeZoneInfo Resolve(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId.Trim(), out var zone) ? zone : TimeZoneInfo.Utc;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidTimeZoneException or System.Security.SecurityException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>Minutes both windows are open; the windows are arcs on a 24-hour circle.</summary>
    public static int OverlapMinutes(int startA, int startB)
    {
        var total = 0;
        for (var shift = -DayMinutes; shift <= DayMinutes; shift += DayMinutes)
        {
            var b = startB + shift;
            total += Math.Max(0, Math.Min(startA + WakeMinutes, b + WakeMinutes) - Math.Max(startA, b));
        }

        return total;
    }

    /// <summary>Minutes in which every given window is open (used for trios).</summary>
    public static int CommonMinutes(IEnumerable<int> starts)
    {
        var open = new int[DayMinutes];
        var count = 0;
        foreach (var start in starts)
        {
            count++;
            for (var m = 0; m < WakeMinutes; m++)
            {
                open[(start + m) % DayMinutes]++;
            }
        }

        return open.Count(c => c == count);
    }

    private static int Mod(int x, int m) => ((x % m) + m) % m;
}
