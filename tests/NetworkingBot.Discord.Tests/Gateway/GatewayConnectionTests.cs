using System.Text.Json;
using Microsoft.Extensions.Logging;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Gateway;

/// <summary>One shard against the fake gateway over a real loopback socket: identify, heartbeats, dispatches, stop.</summary>
public sealed class GatewayConnectionTests
{
    [Fact]
    public async Task Identifies_with_token_guilds_intent_and_shard_then_stores_the_session()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        var identify = await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Identify);
        Assert.Equal("?v=10&encoding=json", identify.Query);
        Assert.Equal(GatewayHarness.Token, identify.Data.GetProperty("token").GetString());
        Assert.Equal(1, identify.Data.GetProperty("intents").GetInt32());
        Assert.Equal([0, 1], identify.Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("networkingbot", identify.Data.GetProperty("properties").GetProperty("browser").GetString());
        Assert.False(string.IsNullOrEmpty(identify.Data.GetProperty("properties").GetProperty("os").GetString()));

        var state = harness.Shard;
        Assert.Equal(GatewayShardStatus.Ready, state.Status);
        Assert.Equal("fake-session-1", state.SessionId);
        Assert.Equal(harness.Fake.ResumeUrl, state.ResumeGatewayUrl);
        Assert.Equal(1, state.LastSequence);
    }

    [Fact]
    public async Task Dispatches_reach_the_handler_in_order_with_shard_and_sequence()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        await harness.Fake.DispatchAsync("GUILD_CREATE", """{"id":"1"}""");
        await harness.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"2","type":2}""");
        var interaction = await harness.Handler.WaitForAsync("INTERACTION_CREATE");

        Assert.Equal(["READY", "GUILD_CREATE", "INTERACTION_CREATE"], harness.Handler.Dispatches.Select(d => d.EventName));
        Assert.Equal([1, 2, 3], harness.Handler.Dispatches.Select(d => d.Sequence));
        Assert.Equal(0, interaction.ShardId);
        Assert.Equal("2", interaction.Data.GetProperty("id").GetString());
        Assert.Equal(3, harness.Shard.LastSequence);
    }

    [Fact]
    public async Task A_large_dispatch_read_in_many_pieces_arrives_whole()
    {
        await using var harness = await GatewayHarness.ReadyAsync();
        var members = string.Join(",", Enumerable.Range(0, 5000).Select(i => $$"""{"id":"{{i}}","name":"member number {{i}}"}"""));

        await harness.Fake.DispatchAsync("GUILD_CREATE", $$"""{"id":"1","members":[{{members}}]}""");
        var dispatch = await harness.Handler.WaitForAsync("GUILD_CREATE");

        var received = dispatch.Data.GetProperty("members");
        Assert.Equal(5000, received.GetArrayLength());
        Assert.Equal("member number 4999", received[4999].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_the_loop_goes_on()
    {
        await using var harness = await GatewayHarness.ReadyAsync();
        harness.Handler.ThrowOn = "GUILD_CREATE";

        await harness.Fake.DispatchAsync("GUILD_CREATE", "{}");
        await harness.Fake.DispatchAsync("INTERACTION_CREATE", "{}");
        await harness.Handler.WaitForAsync("INTERACTION_CREATE");

        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("GUILD_CREATE"));
        Assert.Equal(1, harness.Fake.ConnectionCount);
    }

    [Fact]
    public async Task Heartbeats_carry_the_last_sequence_and_acked_ones_keep_the_connection()
    {
        // Long enough that a busy CI machine still gets each ACK back before the next beat is due.
        await using var harness = await GatewayHarness.StartAsync(heartbeatInterval: TimeSpan.FromSeconds(1));
        await harness.Handler.WaitForAsync("READY");
        await harness.Fake.DispatchAsync("GUILD_CREATE", "{}");
        await harness.Handler.WaitForAsync("GUILD_CREATE");

        var later = await harness.Fake.WaitForAsync(f => f.Op == FakeDiscordGatewayOps.Heartbeat && f.Data.ValueKind == JsonValueKind.Number && f.Data.GetInt32() == 2);
        await harness.Fake.WaitForAsync(f => f.Op == FakeDiscordGatewayOps.Heartbeat && f.Data.ValueKind == JsonValueKind.Number, count: 2);

        Assert.Equal(1, later.ConnectionId);
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.DoesNotContain(harness.Fake.Received, f => f.Op == FakeDiscordGatewayOps.Resume);
        Assert.Equal(GatewayShardStatus.Ready, harness.Shard.Status);
    }

    [Fact]
    public async Task A_heartbeat_request_from_the_server_is_answered_at_once()
    {
        // A 30 s interval puts the first scheduled beat 15 s away, so any heartbeat seen here answers op 1.
        await using var harness = await GatewayHarness.ReadyAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(harness.Fake.Received, f => f.Op == FakeDiscordGatewayOps.Heartbeat);

        await harness.Fake.SendHeartbeatRequestAsync();
        var beat = await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Heartbeat);

        Assert.Equal(1, beat.Data.GetInt32());
    }

    [Fact]
    public async Task Stop_closes_with_1000_and_does_not_reconnect()
    {
        var harness = await GatewayHarness.ReadyAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await harness.Client.StopAsync(timeout.Token);

            var closed = await harness.Fake.WaitForClosedAsync();
            Assert.Equal(1000, closed.ClientCloseCode);
            Assert.Equal(GatewayShardStatus.Stopped, harness.Shard.Status);
            Assert.True(harness.Client.Completion.IsCompleted);
            Assert.Equal(1, harness.Fake.ConnectionCount);
        }
        finally
        {
            await harness.DisposeAsync();
        }
    }
}
