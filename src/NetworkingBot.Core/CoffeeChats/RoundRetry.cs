namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// A retry of a round's completion after planning or delivery failed: the <paramref name="Attempt"/>th retry, due
/// <paramref name="At"/>, in a run of retries that began when the round first failed (<paramref name="Since"/>).
/// </summary>
public sealed record RoundRetry(string RoundId, int Attempt, DateTimeOffset Since, DateTimeOffset At)
{
    /// <summary>The first wait; each one after it doubles.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(2);

    /// <summary>No wait is longer than this, so a store back after a minute is used within two.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Past this since the first failure no retry is scheduled: the five-minute catch-up has run twice by then and
    /// keeps finishing the round from there, so a fault that lasts costs one log line per pass, not one per wait.
    /// </summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    /// <summary>The wait before the <paramref name="attempt"/>th retry: 2 s, 4 s, 8 s … at most <see cref="LongestWait"/>.</summary>
    public static TimeSpan WaitBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var seconds = FirstWait.TotalSeconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, LongestWait.TotalSeconds));
    }

    /// <summary>
    /// The retry after <paramref name="failed"/> (or the first one, for a round that has just failed at
    /// <paramref name="now"/>), or null when it would fall later than <see cref="GiveUpAfter"/> from the first failure.
    /// </summary>
    public static RoundRetry? After(string roundId, RoundRetry? failed, DateTimeOffset now)
    {
        var attempt = (failed?.Attempt ?? 0) + 1;
        var since = failed?.Since ?? now;
        var at = now + WaitBefore(attempt);
        return at - since > GiveUpAfter ? null : new RoundRetry(roundId, attempt, since, at);
    }
}
