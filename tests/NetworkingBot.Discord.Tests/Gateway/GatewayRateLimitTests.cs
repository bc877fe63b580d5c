using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Testing;

namespace NetworkingBot.Discord.Tests.Gateway;

/// <summary>The send bucket (120 per 60 s) and identify pacing, on a controlled clock.</summary>
public sealed class GatewayRateLimitTests
{
    [Fact]
    public async Task Ordinary_sends_stop_short_of_the_heartbeat_reserve_and_heartbeats_still_pass()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(120, TimeSpan.FromSeconds(60), 3, time);
        for (var i = 0; i < 117; i++)
        {
            await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
        }

        var blocked = limiter.WaitAsync(isHeartbeat: false, CancellationToken.None).AsTask();
        Assert.False(blocked.IsCompleted);

        for (var i = 0; i < 3; i++)
        {
            var beat = limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);
            Assert.True(beat.IsCompleted, "a heartbeat must not wait behind ordinary sends");
        }

        // Empty bucket, refilling at 2 per second: the ordinary send needs 1 + 3 reserved tokens, so 2 s.
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(blocked.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task One_identify_per_window_with_max_concurrency_one()
    {
        var time = new FakeTimeProvider();
        var scheduler = Scheduler(time, new SessionStartLimit(1000, 1000, TimeSpan.FromHours(1), 1));

        await scheduler.WaitTurnAsync(0, CancellationToken.None);
        var second = scheduler.WaitTurnAsync(1, CancellationToken.None);
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Max_concurrency_buckets_by_shard_id_modulo()
    {
        var time = new FakeTimeProvider();
        var scheduler = Scheduler(time, new SessionStartLimit(1000, 1000, TimeSpan.FromHours(1), 2));

        await scheduler.WaitTurnAsync(0, CancellationToken.None);
        await scheduler.WaitTurnAsync(1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var third = scheduler.WaitTurnAsync(2, CancellationToken.None);
        Assert.False(third.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(5));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_spent_session_start_budget_waits_for_reset_after_and_says_so()
    {
        var time = new FakeTimeProvider();
        var logs = new RecordingLoggerFactory();
        var scheduler = new GatewayIdentifyScheduler(new SessionStartLimit(1000, 0, TimeSpan.FromMinutes(30), 1),
            TimeSpan.FromSeconds(5), time, logs.CreateLogger("test"));

        var turn = scheduler.WaitTurnAsync(0, CancellationToken.None);
        await Eventually.TrueAsync(() => logs.Entries.Any(e => e.Level == LogLevel.Error), "the error log line");
        Assert.Contains("session start limit", logs.Entries.Single().Message);

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));
        await turn.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static GatewayIdentifyScheduler Scheduler(TimeProvider time, SessionStartLimit limit) =>
        new(limit, TimeSpan.FromSeconds(5), time, new RecordingLoggerFactory().CreateLogger("test"));
}
