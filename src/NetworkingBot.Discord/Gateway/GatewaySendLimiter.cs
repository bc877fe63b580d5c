namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// Token bucket for one connection's sends: <c>limit</c> tokens refilled evenly over <c>window</c>
/// (Discord disconnects a client that sends more than 120 payloads per 60 s). Ordinary sends leave
/// <c>heartbeatReserve</c> tokens untouched, so a burst never delays a heartbeat into a zombie timeout.
/// </summary>
internal sealed class GatewaySendLimiter(int limit, TimeSpan window, int heartbeatReserve, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly double _tokensPerSecond = limit / window.TotalSeconds;
    private double _tokens = limit;
    private long _updatedAt = time.GetTimestamp();

    /// <summary>Waits until a send is allowed and takes its token.</summary>
    public async ValueTask WaitAsync(bool isHeartbeat, CancellationToken cancellationToken)
    {
        var needed = isHeartbeat ? 1 : 1 + heartbeatReserve;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                Refill();
                // The epsilon absorbs rounding, so a wait of exactly the computed length is enough.
                if (_tokens >= needed - 1e-9)
                {
                    _tokens -= 1;
                    return;
                }

                wait = TimeSpan.FromSeconds((needed - _tokens) / _tokensPerSecond);
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whole tokens available right now, heartbeat reserve included.</summary>
    public int Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return (int)_tokens;
            }
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(limit, _tokens + (time.GetElapsedTime(_updatedAt, now).TotalSeconds * _tokensPerSecond));
        _updatedAt = now;
    }
}
