using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Slack.Api;

namespace NetworkingBot.Slack.Tests;

/// <summary>Tier pacing on a fake clock: deterministic, no sleeping.</summary>
public sealed class RateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_tier_4_method_allows_its_burst_then_paces_at_100_a_minute()
    {
        var limiter = new SlackRateLimiter(_clock);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(limiter.WaitAsync("users.info", null, default).IsCompletedSuccessfully);
        }

        var next = limiter.WaitAsync("users.info", null, default);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Post_message_is_paced_per_channel_without_holding_up_other_channels()
    {
        var limiter = new SlackRateLimiter(_clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.WaitAsync("chat.postMessage", "C1", default).IsCompletedSuccessfully);
        }

        var sameChannel = limiter.WaitAsync("chat.postMessage", "C1", default);
        Assert.True(limiter.WaitAsync("chat.postMessage", "C2", default).IsCompletedSuccessfully);
        Assert.False(sameChannel.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await sameChannel.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task After_a_429_nothing_on_that_method_goes_out_before_retry_after()
    {
        var limiter = new SlackRateLimiter(_clock);
        limiter.Throttled("conversations.open", null, TimeSpan.FromSeconds(30));

        var held = limiter.WaitAsync("conversations.open", null, default);
        Assert.True(limiter.WaitAsync("users.info", null, default).IsCompletedSuccessfully);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(held.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await held.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Conversations_open_never_exceeds_tier_3s_fifty_in_any_minute_and_keeps_close_to_it()
    {
        // The limiter's bucket for the method, taken as fast as it allows (each grant at the instant it frees a token).
        var (tier, _) = SlackMethods.Of("conversations.open");
        var (burst, perMinute) = SlackMethods.Budget(tier);
        var now = _clock.GetUtcNow();
        var bucket = new TokenBucket(burst, perMinute, now);
        var granted = new List<DateTimeOffset>();
        while (granted.Count < 160)
        {
            now += bucket.Wait(now);
            Assert.Equal(TimeSpan.Zero, bucket.Wait(now));
            bucket.Take();
            granted.Add(now);
        }

        var most = granted.Select((at, i) => granted.Skip(i).TakeWhile(t => t - at < TimeSpan.FromMinutes(1)).Count()).Max();
        Assert.InRange(most, 45, 50);
    }
}
