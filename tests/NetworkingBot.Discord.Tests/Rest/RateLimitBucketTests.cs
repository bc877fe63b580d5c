using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Tests.Rest;

public sealed class RateLimitBucketTests
{
    private static RateLimitHeaders Headers(int remaining, double resetAfter, int limit = 5) =>
        new("hash", limit, remaining, TimeSpan.FromSeconds(resetAfter), Global: false, Scope: null, RetryAfter: null);

    [Fact]
    public void Unknown_bucket_allows_one_request_at_a_time()
    {
        var bucket = new RateLimitBucket(new FakeTimeProvider());

        Assert.True(bucket.TryAcquire(out _, out _));
        Assert.False(bucket.TryAcquire(out var wait, out var changed));
        Assert.Null(wait);
        Assert.False(changed.IsCompleted);

        bucket.Release(Headers(remaining: 4, resetAfter: 1), success: true);

        Assert.True(changed.IsCompleted);
        Assert.True(bucket.TryAcquire(out _, out _));
        Assert.True(bucket.TryAcquire(out _, out _));
    }

    [Fact]
    public void Spent_bucket_waits_for_reset_after_then_refills()
    {
        var time = new FakeTimeProvider();
        var bucket = new RateLimitBucket(time);
        Assert.True(bucket.TryAcquire(out _, out _));
        bucket.Release(Headers(remaining: 1, resetAfter: 2), success: true);

        Assert.True(bucket.TryAcquire(out _, out _));
        Assert.False(bucket.TryAcquire(out var wait, out _));
        Assert.Equal(TimeSpan.FromSeconds(2), wait);

        time.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 5; i++)
        {
            Assert.True(bucket.TryAcquire(out _, out _));
        }

        Assert.False(bucket.TryAcquire(out _, out _));
    }

    [Fact]
    public void Block_after_429_holds_even_a_bucket_with_requests_left()
    {
        var time = new FakeTimeProvider();
        var bucket = new RateLimitBucket(time);
        Assert.True(bucket.TryAcquire(out _, out _));
        bucket.Release(Headers(remaining: 4, resetAfter: 1), success: true);

        bucket.Block(TimeSpan.FromMilliseconds(300));

        Assert.False(bucket.TryAcquire(out var wait, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(300), wait);
        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(bucket.TryAcquire(out _, out _));
    }

    [Fact]
    public void Out_of_order_responses_keep_the_lowest_remaining_of_a_window()
    {
        var time = new FakeTimeProvider();
        var bucket = new RateLimitBucket(time);
        Assert.True(bucket.TryAcquire(out _, out _));
        bucket.Release(Headers(remaining: 1, resetAfter: 1), success: true);
        Assert.True(bucket.TryAcquire(out _, out _));

        // A late response from earlier in the same window claims more room than is left.
        bucket.Learn(Headers(remaining: 3, resetAfter: 1));

        Assert.False(bucket.TryAcquire(out _, out _));
    }

    [Fact]
    public void Global_limiter_spaces_requests_evenly_at_its_rate_and_pauses_after_a_global_429()
    {
        var time = new FakeTimeProvider();
        var global = new GlobalRateLimiter(time, 50);
        Assert.True(global.TryAcquire(out _));

        // No second burst: the next slot is one spacing (20 ms at 50 a second) later.
        Assert.False(global.TryAcquire(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(20), wait);
        time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.True(global.TryAcquire(out _));

        // A waiter that wakes 5 ms late keeps the schedule: the next slot is 15 ms after it, not 20.
        time.Advance(TimeSpan.FromMilliseconds(25));
        Assert.True(global.TryAcquire(out _));
        Assert.False(global.TryAcquire(out wait));
        Assert.Equal(TimeSpan.FromMilliseconds(15), wait);

        // Over any whole second, no more than the rate (plus the one a late waiter catches up).
        time.Advance(TimeSpan.FromSeconds(5));
        var taken = 0;
        for (var ms = 0; ms < 1000; ms++)
        {
            taken += global.TryAcquire(out _) ? 1 : 0;
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(taken, 49, 51);

        global.Pause(TimeSpan.FromSeconds(3));
        Assert.False(global.TryAcquire(out wait));
        Assert.Equal(TimeSpan.FromSeconds(3), wait);
    }
}
