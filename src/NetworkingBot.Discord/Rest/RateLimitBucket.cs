namespace NetworkingBot.Discord.Rest;

/// <summary>
/// One Discord bucket for one major parameter. Until a response has told us the limit, only one request is
/// in flight (a guess could burst past a limit we do not know); after that, requests go while Remaining lasts
/// and wait for Reset-After when it is spent. A 429 blocks the bucket for retry_after.
/// </summary>
internal sealed class RateLimitBucket(TimeProvider time)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private bool _known;
    private bool _unlimited;
    private int _limit;
    private int _remaining;
    private DateTimeOffset _resetAt;
    private TimeSpan _window;
    private DateTimeOffset _blockedUntil;
    private int _inFlight;

    /// <summary>Set when the route learned its bucket hash; waiters move to the hash-keyed bucket.</summary>
    public bool Superseded { get; private set; }

    /// <summary>True when the caller may send now; otherwise how long to wait, or a signal to wait for.</summary>
    public bool TryAcquire(out TimeSpan? wait, out Task changed)
    {
        lock (_gate)
        {
            changed = _changed.Task;
            wait = null;
            var now = time.GetUtcNow();
            if (_blockedUntil > now)
            {
                wait = _blockedUntil - now;
                return false;
            }

            if (!_known)
            {
                // Unknown limits: one at a time; the in-flight response will tell us the rest.
                if (_inFlight > 0)
                {
                    return false;
                }

                _inFlight++;
                return true;
            }

            if (_unlimited)
            {
                _inFlight++;
                return true;
            }

            if (now >= _resetAt && _remaining <= 0)
            {
                // A new window began; until a response says otherwise, assume it is as long as the longest seen.
                _remaining = Math.Max(_limit, 1);
                _resetAt = now + _window;
            }

            if (_remaining > 0)
            {
                _remaining--;
                _inFlight++;
                return true;
            }

            wait = _resetAt - now;
            return false;
        }
    }

    /// <summary>Records the response of an acquired request; <paramref name="headers"/> is null when it never arrived.</summary>
    public void Release(RateLimitHeaders? headers, bool success)
    {
        lock (_gate)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            Apply(headers, success);
            Signal();
        }
    }

    /// <summary>Applies headers from a response sent through another bucket object (before the hash was known).</summary>
    public void Learn(RateLimitHeaders headers)
    {
        lock (_gate)
        {
            Apply(headers, success: true);
            Signal();
        }
    }

    /// <summary>A 429 for this bucket: nobody sends until <paramref name="retryAfter"/> has passed.</summary>
    public void Block(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }

            Signal();
        }
    }

    public void MarkSuperseded()
    {
        lock (_gate)
        {
            Superseded = true;
            Signal();
        }
    }

    private void Apply(RateLimitHeaders? headers, bool success)
    {
        if (headers is { HasBucketInfo: true })
        {
            var resetAt = time.GetUtcNow() + headers.ResetAfter!.Value;
            _window = headers.ResetAfter.Value > _window ? headers.ResetAfter.Value : _window;
            var remaining = headers.Remaining!.Value;

            // Responses of concurrent requests arrive out of order: within one window the lowest count wins.
            var sameWindow = _known && !_unlimited && Math.Abs((resetAt - _resetAt).TotalMilliseconds) < 500;
            _remaining = sameWindow ? Math.Min(_remaining, remaining) : Math.Max(0, remaining - _inFlight);
            _resetAt = sameWindow && resetAt < _resetAt ? _resetAt : resetAt;
            _limit = headers.Limit ?? Math.Max(_limit, remaining + 1);
            _known = true;
            _unlimited = false;
        }
        else if (success && headers is not null && !_known)
        {
            // A success without rate-limit headers: Discord puts no per-route limit on this route.
            _known = true;
            _unlimited = true;
        }
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
