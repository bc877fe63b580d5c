using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Rest;

/// <summary>
/// Keeps the bot away from Discord's invalid-request ban (10,000 responses with 401, 403 or 429 in ten minutes
/// ban the IP for about an hour). It counts those responses in a sliding window, warns once per window above
/// the warning level, and above the slow-down level spaces every request out so that, even if each one failed,
/// the count could rise by at most half the remaining headroom in a window.
/// </summary>
internal sealed class InvalidRequestGuard(TimeProvider time, DiscordRestLimits limits, ILogger logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _invalid = new();
    private DateTimeOffset? _warnedAt;
    private DateTimeOffset _nextSlot;

    /// <summary>Invalid responses in the last ten minutes.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Expire(time.GetUtcNow());
                return _invalid.Count;
            }
        }
    }

    /// <summary>The spacing between requests while slowed down.</summary>
    public TimeSpan SlowInterval => Window / Math.Max(1, (limits.InvalidRequestBan - limits.InvalidRequestSlowDown) / 2);

    /// <summary>Counts a response if it is one Discord counts; shared-scope 429s are not.</summary>
    public void Record(int status, bool sharedScope)
    {
        if (status is not (401 or 403 or 429) || (status == 429 && sharedScope))
        {
            return;
        }

        int count;
        var warn = false;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Expire(now);
            _invalid.Enqueue(now);
            count = _invalid.Count;
            if (count >= limits.InvalidRequestWarning && (_warnedAt is null || now - _warnedAt >= Window))
            {
                _warnedAt = now;
                warn = true;
            }
        }

        if (warn)
        {
            logger.LogWarning(
                "Discord invalid requests: {Count} responses with 401/403/429 in the last 10 minutes; at {Ban} Discord bans this IP for about an hour. Requests slow down at {SlowDown}. Look for a revoked token, missing permissions or a loop retrying a failing call.",
                count, limits.InvalidRequestBan, limits.InvalidRequestSlowDown);
        }
    }

    /// <summary>How long the next request must wait; zero unless the count is above the slow-down level.</summary>
    public TimeSpan ReserveDelay()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Expire(now);
            if (_invalid.Count < limits.InvalidRequestSlowDown)
            {
                return TimeSpan.Zero;
            }

            // Hand out slots one interval apart, so concurrent callers cannot slip through together.
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + SlowInterval;
            return slot - now;
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var delay = ReserveDelay();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_invalid.Count > 0 && now - _invalid.Peek() >= Window)
        {
            _invalid.Dequeue();
        }
    }
}
