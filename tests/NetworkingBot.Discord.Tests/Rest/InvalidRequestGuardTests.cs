using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Tests.Rest;

public sealed class InvalidRequestGuardTests
{
    private static readonly DiscordRestLimits Limits = new() { InvalidRequestWarning = 20, InvalidRequestSlowDown = 40, InvalidRequestBan = 100 };

    [Fact]
    public void Counts_401_403_and_429_but_not_shared_429s_or_other_errors()
    {
        var guard = new InvalidRequestGuard(new FakeTimeProvider(), Limits, new ListLogger<InvalidRequestGuardTests>());

        guard.Record(401, sharedScope: false);
        guard.Record(403, sharedScope: false);
        guard.Record(429, sharedScope: false);
        guard.Record(429, sharedScope: true);
        guard.Record(404, sharedScope: false);
        guard.Record(500, sharedScope: false);

        Assert.Equal(3, guard.Count);
    }

    [Fact]
    public void Warns_once_per_window_above_the_warning_level()
    {
        var time = new FakeTimeProvider();
        var logger = new ListLogger<InvalidRequestGuardTests>();
        var guard = new InvalidRequestGuard(time, Limits, logger);

        Record(guard, 19);
        Assert.Empty(logger.Entries);
        Record(guard, 10);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);

        // Ten minutes later the old responses have expired; a new burst warns again.
        time.Advance(InvalidRequestGuard.Window);
        Assert.Equal(0, guard.Count);
        Record(guard, 20);
        Assert.Equal(2, logger.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    [Fact]
    public void Above_the_slow_down_level_requests_are_spaced_so_the_ban_level_stays_out_of_reach()
    {
        var time = new FakeTimeProvider();
        var guard = new InvalidRequestGuard(time, Limits, new ListLogger<InvalidRequestGuardTests>());
        Record(guard, 39);
        Assert.Equal(TimeSpan.Zero, guard.ReserveDelay());

        Record(guard, 1);
        var interval = guard.SlowInterval;
        Assert.Equal(TimeSpan.FromSeconds(20), interval); // 10 minutes / ((100 - 40) / 2)

        // Concurrent callers get consecutive slots, not the same one.
        Assert.Equal(TimeSpan.Zero, guard.ReserveDelay());
        Assert.Equal(interval, guard.ReserveDelay());
        Assert.Equal(interval * 2, guard.ReserveDelay());

        // Even if every spaced request failed, a whole window adds at most (ban - slow-down) / 2.
        var addedPerWindow = InvalidRequestGuard.Window / interval;
        Assert.True(Limits.InvalidRequestSlowDown + addedPerWindow < Limits.InvalidRequestBan);
    }

    [Fact]
    public async Task WaitAsync_delays_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var guard = new InvalidRequestGuard(time, Limits, new ListLogger<InvalidRequestGuardTests>());
        Record(guard, 40);
        await guard.WaitAsync(CancellationToken.None);

        var second = guard.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        time.Advance(guard.SlowInterval);
        await second.WaitAsync(TimeSpan.FromSeconds(1));
    }

    private static void Record(InvalidRequestGuard guard, int count)
    {
        for (var i = 0; i < count; i++)
        {
            guard.Record(429, sharedScope: false);
        }
    }
}
