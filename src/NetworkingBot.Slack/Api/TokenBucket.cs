namespace NetworkingBot.Slack.Api;

/// <summary>A token bucket on an injected clock; not thread-safe, the limiter locks around it.</summary>
internal sealed class TokenBucket(int burst, double perMinute, DateTimeOffset now)
{
    private readonly double _perSecond = perMinute / 60.0;
    private double _tokens = burst;
    private DateTimeOffset _last = now;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>How long until a token is free; zero means one is free now (it is not taken).</summary>
    public TimeSpan Wait(DateTimeOffset now)
    {
        Refill(now);
        if (now < _blockedUntil)
        {
            return _blockedUntil - now;
        }

        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
    }

    public void Take() => _tokens -= 1;

    /// <summary>Whether the bucket has refilled completely (as of the last <see cref="Wait"/>).</summary>
    public bool IsFull => _tokens >= burst;

    /// <summary>
    /// After a 429, nothing goes out on this bucket before Slack's Retry-After has passed. The tokens are kept:
    /// Retry-After already says when Slack's window has room again, so draining them too would pace twice.
    /// </summary>
    public void BlockUntil(DateTimeOffset until)
    {
        if (until > _blockedUntil)
        {
            _blockedUntil = until;
        }
    }

    private void Refill(DateTimeOffset now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(burst, _tokens + ((now - _last).TotalSeconds * _perSecond));
            _last = now;
        }
    }
}
