using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// Fake time that also reports each timer created on it, so a test can advance the clock exactly when the code under
/// test has started waiting (an explicit signal, not a sleep).
/// </summary>
internal sealed class TimerWatchingClock() : FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero))
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    /// <summary>The due time of every timer created so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Timers => _timers.ToList();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
