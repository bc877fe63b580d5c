using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Tests.Rest;

/// <summary>
/// Issue 18: the fake's global limit (the bench's 50 a second) answers what Discord would, and the client's default
/// pace stays under it, so a burst of DMs meets no global 429.
/// </summary>
public sealed class GlobalLimitTests
{
    [Fact]
    public void The_client_paces_under_Discords_documented_global_limit_with_a_margin() =>
        Assert.InRange(new DiscordRestLimits().GlobalPerSecond, 45, 49);

    [Fact]
    public async Task A_burst_of_direct_messages_at_the_default_pace_meets_no_global_429()
    {
        await using var h = await RestHarness.StartAsync(RestHarness.FastLimits with { GlobalPerSecond = new DiscordRestLimits().GlobalPerSecond });
        h.Fake.GlobalPerSecond = 50;
        var messenger = new DiscordMessenger(h.Client, new ListLogger<DiscordMessenger>());

        // 30 users: 60 calls, more than one second's worth at 50 a second, sent 16 at a time as a round does.
        await Parallel.ForEachAsync(Enumerable.Range(0, 30), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await messenger.SendAsync(OutboundMessage.ToUser("discord:42", $"{2000 + i}", "hi", $"k{i}"), ct));

        Assert.Equal(0, h.Fake.GlobalRateLimited);
        Assert.Equal(60, h.Fake.Calls.Count);
    }

    [Fact]
    public async Task A_client_allowed_past_the_limit_gets_global_429s_from_the_fake()
    {
        await using var h = await RestHarness.StartAsync(RestHarness.FastLimits with { GlobalPerSecond = 2_000 });
        h.Fake.GlobalPerSecond = 10;
        var messenger = new DiscordMessenger(h.Client, new ListLogger<DiscordMessenger>());

        await Parallel.ForEachAsync(Enumerable.Range(0, 10), new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (i, ct) =>
            await messenger.SendAsync(OutboundMessage.ToUser("discord:42", $"{3000 + i}", "hi", $"k{i}"), ct));

        Assert.True(h.Fake.GlobalRateLimited > 0);
        Assert.Contains(h.Fake.Calls, c => c.Status == 429);
    }
}
