using System.Collections.Concurrent;

namespace NetworkingBot.Discord.Rest;

/// <summary>
/// All of the client's rate limits in one place: per-bucket limits keyed by the bucket hash Discord reports
/// for a route (or the route itself until it has reported one) plus the major parameter, the global limit,
/// and the long pause after a Cloudflare block. Every wait uses the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RateLimiter(TimeProvider time, DiscordRestLimits limits)
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly GlobalRateLimiter _blocked = new(time, int.MaxValue);

    public GlobalRateLimiter Global { get; } = new(time, limits.GlobalPerSecond);

    /// <summary>The key of the bucket a route uses now: "hash:major" once the hash is known, else "route:major".</summary>
    public string BucketKey(DiscordRoute route)
    {
        var routeKey = RouteKeys.Route(route);
        var major = RouteKeys.MajorParameter(route);
        return _hashes.TryGetValue(routeKey, out var hash) ? $"{hash}:{major}" : $"{routeKey}:{major}";
    }

    /// <summary>Waits until the route's bucket and (for non-interactions) the global limit allow one request.</summary>
    public async Task<RateLimitLease> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        await WaitForBlockAsync(cancellationToken);
        RateLimitBucket bucket;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = BucketKey(route);
            bucket = _buckets.GetOrAdd(key, _ => new RateLimitBucket(time));
            if (bucket.Superseded)
            {
                // A superseded bucket must leave the map: when a route's hash goes A → B → A, the key of A leads back
                // to the bucket A once lost to B, and looping on it (without ever waiting) froze all sending.
                _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, bucket));
                continue;
            }

            if (bucket.TryAcquire(out var wait, out var changed))
            {
                break;
            }

            await WaitAsync(wait, changed, cancellationToken);
        }

        try
        {
            if (!route.IsInteraction)
            {
                while (!Global.TryAcquire(out var wait))
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }
        }
        catch
        {
            bucket.Release(null, success: false);
            throw;
        }

        return new RateLimitLease(route, bucket);
    }

    /// <summary>Returns the lease with what the response said; <paramref name="headers"/> is null when none came.</summary>
    public void Complete(RateLimitLease lease, RateLimitHeaders? headers, bool success)
    {
        if (headers?.Bucket is { Length: > 0 } hash)
        {
            var routeKey = RouteKeys.Route(lease.Route);
            var previous = _hashes.GetValueOrDefault(routeKey);
            _hashes[routeKey] = hash;
            var key = BucketKey(lease.Route);
            var current = _buckets.GetOrAdd(key, _ => new RateLimitBucket(time));
            if (current.Superseded && _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, current)))
            {
                // The hash came back to one whose bucket was given up: start it afresh rather than teach a dead one.
                current = _buckets.GetOrAdd(key, _ => new RateLimitBucket(time));
            }

            if (!ReferenceEquals(current, lease.Bucket))
            {
                current.Learn(headers);
                if (previous != hash)
                {
                    // Requests queued on the route-keyed bucket move over to the hash-keyed one.
                    lease.Bucket.MarkSuperseded();
                }
            }
        }

        lease.Bucket.Release(headers, success);
    }

    /// <summary>A per-bucket 429: the route's current bucket waits for <paramref name="retryAfter"/>.</summary>
    public void BlockBucket(DiscordRoute route, TimeSpan retryAfter) =>
        _buckets.GetOrAdd(BucketKey(route), _ => new RateLimitBucket(time)).Block(retryAfter);

    /// <summary>A Cloudflare block: nothing at all is sent, interactions included, for <paramref name="duration"/>.</summary>
    public void BlockEverything(TimeSpan duration) => _blocked.Pause(duration);

    private async Task WaitForBlockAsync(CancellationToken cancellationToken)
    {
        var until = _blocked.PausedUntil;
        while (until > time.GetUtcNow())
        {
            await Task.Delay(until - time.GetUtcNow(), time, cancellationToken);
            until = _blocked.PausedUntil;
        }
    }

    private async Task WaitAsync(TimeSpan? wait, Task changed, CancellationToken cancellationToken)
    {
        if (wait is null)
        {
            await changed.WaitAsync(cancellationToken);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait.Value, time, stop.Token);
        await Task.WhenAny(changed, delay);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>A granted request slot, returned through <see cref="RateLimiter.Complete"/>.</summary>
internal sealed record RateLimitLease(DiscordRoute Route, RateLimitBucket Bucket);
