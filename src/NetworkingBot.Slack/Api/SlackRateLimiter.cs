namespace NetworkingBot.Slack.Api;

/// <summary>
/// Paces calls per method tier (and chat.postMessage per channel) so a round's fan-out stays under Slack's limits
/// instead of bouncing off 429s. Waits on the injected clock.
/// </summary>
internal sealed class SlackRateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private const int MaxBuckets = 2000;
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    public async Task WaitAsync(string method, string? channel, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                var buckets = BucketsFor(method, channel, now);
                wait = buckets.Max(b => b.Wait(now));
                if (wait <= TimeSpan.Zero)
                {
                    foreach (var bucket in buckets)
                    {
                        bucket.Take();
                    }

                    return;
                }
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Slack said 429: hold every call on the same buckets until Retry-After has passed.</summary>
    public void Throttled(string method, string? channel, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var bucket in BucketsFor(method, channel, now))
            {
                bucket.BlockUntil(now + retryAfter);
            }
        }
    }

    private List<TokenBucket> BucketsFor(string method, string? channel, DateTimeOffset now)
    {
        var (tier, _) = SlackMethods.Of(method);
        var (burst, perMinute) = SlackMethods.Budget(tier);
        var list = new List<TokenBucket>(2) { Bucket(method, burst, perMinute, now) };
        if (tier == SlackTier.PostMessage && !string.IsNullOrEmpty(channel))
        {
            var (channelBurst, channelPerMinute) = SlackMethods.PerChannelBudget;
            list.Add(Bucket($"{method}#{channel}", channelBurst, channelPerMinute, now));
        }

        return list;
    }

    private TokenBucket Bucket(string key, int burst, double perMinute, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            if (_buckets.Count >= MaxBuckets)
            {
                // One bucket per DM channel adds up on a long-running worker; a full, unblocked bucket is the same as a new one.
                foreach (var idle in _buckets.Where(b => b.Value.Wait(now) == TimeSpan.Zero && b.Value.IsFull).Select(b => b.Key).ToList())
                {
                    _buckets.Remove(idle);
                }
            }

            bucket = new TokenBucket(burst, perMinute, now);
            _buckets[key] = bucket;
        }

        return bucket;
    }
}
