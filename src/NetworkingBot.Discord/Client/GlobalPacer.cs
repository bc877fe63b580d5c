namespace NetworkingBot.Discord.Client;

/// <summary>
/// Discord's global limit (50 requests a second per bot, interaction endpoints exempt), kept by spacing requests
/// evenly at <c>perSecond</c> rather than letting a second's worth go at once: a burst arrives spread by the
/// network's jitter and the next second's burst meets part of it inside Discord's window (the hand-written client saw
/// 29-34 global 429s a 1,000-member round at 50/s in bursts); spaced requests need a jitter of a whole spacing
/// (about 20 ms at 48/s) before two share a window slot. Discord.Net only reacts to a global 429 after the fact.
/// <para>
/// Our own rather than <c>System.Threading.RateLimiting</c>: its limiters read the system clock and replenish on a
/// timer (they take no <see cref="TimeProvider"/>, dotnet/runtime#106447), so the spacing could not be tested on fake
/// time, and a token bucket of one refilled by a timer is this class with a timer's jitter added.
/// </para>
/// </summary>
public sealed class GlobalPacer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _spacing;

    // One waiter at a time holds the next slot; the others queue on the semaphore (no thundering herd of timers, and a
    // caller cancelled while queued costs nobody a slot).
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Paces at <paramref name="perSecond"/> requests a second on <paramref name="time"/>.</summary>
    public GlobalPacer(TimeProvider time, int perSecond)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        _time = time;
        _spacing = TimeSpan.FromSeconds(1.0 / perSecond);
    }

    /// <summary>The gap kept between two requests.</summary>
    public TimeSpan Spacing => _spacing;

    /// <summary>Waits for this request's slot: at once after an idle spell, else one spacing after the previous one.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = _next - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                // Timers count whole milliseconds and drop the rest: rounded up, so no request goes before its slot.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), _time, cancellationToken).ConfigureAwait(false);
            }

            // A waiter that woke a little late keeps the schedule (at most one spacing of catch-up, so no second ever
            // holds more than one extra request); after an idle spell the schedule restarts from now.
            var now = _time.GetUtcNow();
            _next = (now - _next < _spacing ? _next : now) + _spacing;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Releases the queue; the owner disposes it after the clients that use it.</summary>
    public void Dispose() => _turn.Dispose();
}
