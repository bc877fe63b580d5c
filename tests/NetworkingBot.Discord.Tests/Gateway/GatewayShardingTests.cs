using NetworkingBot.Discord.Gateway;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing;

namespace NetworkingBot.Discord.Tests.Gateway;

/// <summary>Several shards in one process: shard arrays, identify pacing by <c>max_concurrency</c>, separate sessions.</summary>
public sealed class GatewayShardingTests
{
    [Fact]
    public async Task Two_shards_identify_one_window_apart_when_max_concurrency_is_one()
    {
        var settings = GatewayHarness.FastSettings with { IdentifyWindow = TimeSpan.FromMilliseconds(600) };
        await using var harness = await GatewayHarness.StartAsync(recommendedShards: 2, maxConcurrency: 1, settings: settings);

        var first = await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Identify);
        var second = await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Identify, count: 2);

        Assert.Equal([[0, 2], [1, 2]], new[] { first, second }.Select(ShardArray).Order(Comparer<int[]>.Create((a, b) => a[0] - b[0])));
        // The second identify waits for the window after the first; sends may lag their turn a little, hence the slack.
        Assert.True(second.ReceivedAt - first.ReceivedAt >= TimeSpan.FromMilliseconds(450),
            $"identifies were {(second.ReceivedAt - first.ReceivedAt).TotalMilliseconds} ms apart");
        await Eventually.TrueAsync(() => harness.Client.Shards.All(s => s.Status == GatewayShardStatus.Ready), "both shards ready");
        Assert.Equal(2, harness.Client.Shards.Select(s => s.SessionId).Distinct().Count());
    }

    [Fact]
    public async Task Shards_in_different_buckets_identify_without_waiting_for_each_other()
    {
        // A 20 s window would fail the test if shard 1 waited behind shard 0.
        var settings = GatewayHarness.FastSettings with { IdentifyWindow = TimeSpan.FromSeconds(20) };
        await using var harness = await GatewayHarness.StartAsync(recommendedShards: 2, maxConcurrency: 2, settings: settings);

        await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Identify, count: 2);

        Assert.Equal([0, 1], harness.Fake.Received.Where(f => f.Op == FakeDiscordGatewayOps.Identify).Select(f => ShardArray(f)[0]).Order());
    }

    [Fact]
    public async Task Dispatches_to_one_shard_reach_the_handler_tagged_with_that_shard()
    {
        await using var harness = await GatewayHarness.StartAsync(recommendedShards: 2, maxConcurrency: 2);
        await harness.Handler.WaitForAsync("READY", count: 2);

        await harness.Fake.DispatchAsync("GUILD_CREATE", """{"id":"5"}""", shardId: 1);
        var dispatch = await harness.Handler.WaitForAsync("GUILD_CREATE");

        Assert.Equal(1, dispatch.ShardId);
        Assert.Equal(2, harness.Client.Shards.Single(s => s.ShardId == 1).LastSequence);
        Assert.Equal(1, harness.Client.Shards.Single(s => s.ShardId == 0).LastSequence);
    }

    private static int[] ShardArray(FakeDiscordGatewayFrame identify) =>
        [.. identify.Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32())];
}
