namespace NetworkingBot.Discord.Rest;

/// <summary>
/// Discord's global limit: requests spaced evenly at <see cref="DiscordRestLimits.GlobalPerSecond"/> a second, and a
/// pause for everyone after a global 429. Interaction callbacks are exempt from both. Even spacing rather than
/// "at most N in any second": a full second's worth sent at once arrives spread by the network's jitter, and the next
/// second's burst then meets part of it inside Discord's window (29-34 global 429s a 1,000-member round at 50, and
/// still some at 48); spaced requests need a jitter of a whole spacing (about 20 ms) before two share a window slot.
/// </summary>
internal sealed class GlobalRateLimiter(TimeProvider time, int perSecond)
{
    private readonly TimeSpan _spacing = TimeSpan.FromSeconds(1.0 / perSecond);
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil;

    /// <summary>Takes a slot, or says how long to wait before asking again.</summary>
    public bool TryAcquire(out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_pausedUntil > now)
            {
                wait = _pausedUntil - now;
                return false;
            }

            if (now < _next)
            {
                wait = _next - now;
                return false;
            }

            // A waiter that woke a little late keeps the schedule (at most one spacing of catch-up, so no second ever
            // holds more than one extra request); after an idle spell the schedule restarts from now.
            _next = (now - _next < _spacing ? _next : now) + _spacing;
            wait = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Stops every non-interaction request until <paramref name="duration"/> has passed.</summary>
    public void Pause(TimeSpan duration)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + duration;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }
}
