namespace NetworkingBot.Discord.Rest;

/// <summary>
/// Discord's global limit: at most <see cref="DiscordRestLimits.GlobalPerSecond"/> requests in any one-second
/// window, and a pause for everyone after a global 429. Interaction callbacks are exempt from both.
/// </summary>
internal sealed class GlobalRateLimiter(TimeProvider time, int perSecond)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
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

            while (_recent.Count > 0 && now - _recent.Peek() >= Window)
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= perSecond)
            {
                wait = _recent.Peek() + Window - now;
                return false;
            }

            _recent.Enqueue(now);
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
