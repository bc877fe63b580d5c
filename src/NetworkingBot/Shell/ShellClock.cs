using System.Diagnostics;

namespace NetworkingBot.Shell;

/// <summary>
/// The shell's clock: real time (or a chosen start, <c>Shell:ClockStart</c>, for reproducible scripts) plus an
/// offset the user moves forward with <c>advance 4d</c>, so a check-in or a pause's end can be tried without
/// waiting days. In the shell everything (core, store, Quartz) reads this one clock; a Discord or Slack host runs
/// on <see cref="TimeProvider.System"/> instead, and only tests give it one of these to move.
/// </summary>
public sealed class ShellClock(DateTimeOffset? start = null) : TimeProvider
{
    private readonly DateTimeOffset? _start = start;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() =>
        (_start is { } s ? s + Stopwatch.GetElapsedTime(_startTimestamp) : base.GetUtcNow()) + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Moves the clock to <paramref name="at"/> if that is later than now; never backwards.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        var gap = at - GetUtcNow();
        if (gap > TimeSpan.Zero)
        {
            Advance(gap);
        }
    }
}
