using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// Grants shards their turn to IDENTIFY: one identify per <c>window</c> in each rate-limit bucket
/// (<c>shard_id % max_concurrency</c>), so at most <c>max_concurrency</c> per window overall, and none while
/// the daily session start budget is spent (then it waits for <c>reset_after</c>). Resumes never come here:
/// they do not count against either limit.
/// </summary>
internal sealed class GatewayIdentifyScheduler
{
    private readonly Bucket[] _buckets;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _budgetGate = new();
    private readonly int _total;
    private int _remaining;
    private DateTimeOffset _resetAt;

    public GatewayIdentifyScheduler(SessionStartLimit limit, TimeSpan window, TimeProvider time, ILogger logger)
    {
        _buckets = new Bucket[Math.Max(1, limit.MaxConcurrency)];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new Bucket();
        }

        _window = window;
        _time = time;
        _logger = logger;
        _total = limit.Total;
        _remaining = limit.Remaining;
        _resetAt = time.GetUtcNow() + limit.ResetAfter;
    }

    public int MaxConcurrency => _buckets.Length;

    /// <summary>Waits until <paramref name="shardId"/> may identify, and counts the identify it is about to send.</summary>
    public async Task WaitTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        var bucket = _buckets[shardId % _buckets.Length];
        await bucket.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = bucket.NextAllowed - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            await TakeSessionStartAsync(shardId, cancellationToken).ConfigureAwait(false);
            bucket.NextAllowed = _time.GetUtcNow() + _window;
        }
        finally
        {
            bucket.Turn.Release();
        }
    }

    private async Task TakeSessionStartAsync(int shardId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_budgetGate)
            {
                var now = _time.GetUtcNow();
                if (now >= _resetAt && _remaining <= 0)
                {
                    // The daily budget came back; Discord's next reset is a day after this one.
                    _remaining = _total;
                    _resetAt = now + TimeSpan.FromDays(1);
                }

                if (_remaining > 0)
                {
                    _remaining--;
                    return;
                }

                wait = _resetAt - now;
            }

            _logger.LogError(
                "Shard {ShardId} cannot identify: the daily session start limit ({Total}) is used up; waiting {Wait} for it to reset",
                shardId, _total, wait);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Bucket
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset NextAllowed { get; set; } = DateTimeOffset.MinValue;
    }
}
