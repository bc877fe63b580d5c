using Microsoft.Extensions.Logging;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Gateway;

/// <summary>Drops, zombies, RECONNECT, INVALID_SESSION and close codes: when the shard resumes, re-identifies or stops.</summary>
public sealed class GatewayReconnectTests
{
    [Fact]
    public async Task An_event_dispatched_during_an_outage_reaches_the_handler_after_the_resume()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        await harness.Fake.DropAsync();
        var missed = await harness.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"missed"}""");
        var resumed = await harness.Handler.WaitForAsync("RESUMED");

        var resume = await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Resume);
        Assert.Equal("/resume", resume.Path);
        Assert.Equal("?v=10&encoding=json", resume.Query);
        Assert.Equal("fake-session-1", resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.Data.GetProperty("seq").GetInt32());
        Assert.Equal(GatewayHarness.Token, resume.Data.GetProperty("token").GetString());

        Assert.Equal(["READY", "INTERACTION_CREATE", "RESUMED"], harness.Handler.Dispatches.Select(d => d.EventName));
        var delivered = harness.Handler.Dispatches[1];
        Assert.Equal(missed, delivered.Sequence);
        Assert.Equal("missed", delivered.Data.GetProperty("id").GetString());
        Assert.Equal(resumed.Sequence, harness.Shard.LastSequence);
        Assert.Equal(GatewayShardStatus.Ready, harness.Shard.Status);
        Assert.Single(harness.Fake.Received, f => f.Op == FakeDiscordGatewayOps.Identify);
    }

    [Fact]
    public async Task A_missing_heartbeat_ack_closes_with_a_non_1000_code_and_resumes_at_the_last_sequence()
    {
        await using var harness = await GatewayHarness.StartAsync(heartbeatInterval: TimeSpan.FromMilliseconds(300));
        await harness.Handler.WaitForAsync("READY");
        await harness.Fake.DispatchAsync("GUILD_CREATE", "{}");
        await harness.Handler.WaitForAsync("GUILD_CREATE");

        // Counted from here, so a stall on a loaded machine that zombied the connection earlier cannot confuse the test.
        var resumesBefore = harness.Fake.Received.Count(f => f.Op == FakeDiscordGatewayOps.Resume);
        var closesBefore = harness.Fake.Closed.Count;
        var sequence = harness.Shard.LastSequence;
        harness.Fake.AckHeartbeats = false;
        var resume = await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Resume, count: resumesBefore + 1);
        harness.Fake.AckHeartbeats = true;

        var closed = await harness.Fake.WaitForClosedAsync(count: closesBefore + 1);
        Assert.Equal(4000, closed.ClientCloseCode);
        Assert.Equal("fake-session-1", resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(sequence, resume.Data.GetProperty("seq").GetInt32());
        Assert.True(sequence >= 2);
        Assert.Equal("/resume", resume.Path);
        await harness.Handler.WaitForAsync("RESUMED");
    }

    [Fact]
    public async Task Reconnect_op_7_closes_with_a_non_1000_code_and_resumes()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        await harness.Fake.SendReconnectAsync();
        var resume = await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Resume);
        await harness.Handler.WaitForAsync("RESUMED");

        var closed = await harness.Fake.WaitForClosedAsync();
        Assert.Equal(4000, closed.ClientCloseCode);
        Assert.Equal("fake-session-1", resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(2, resume.ConnectionId);
    }

    [Fact]
    public async Task Invalid_session_true_resumes()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        await harness.Fake.SendInvalidSessionAsync(resumable: true);
        await harness.Handler.WaitForAsync("RESUMED");

        Assert.Single(harness.Fake.Received, f => f.Op == FakeDiscordGatewayOps.Identify);
        Assert.Equal("fake-session-1", harness.Shard.SessionId);
    }

    [Fact]
    public async Task Invalid_session_false_identifies_afresh_on_the_gateway_url()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        await harness.Fake.SendInvalidSessionAsync(resumable: false);
        var identify = await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Identify, count: 2);
        await harness.Handler.WaitForAsync("READY", count: 2);

        Assert.Equal("/", identify.Path);
        Assert.DoesNotContain(harness.Fake.Received, f => f.Op == FakeDiscordGatewayOps.Resume);
        Assert.Equal("fake-session-2", harness.Shard.SessionId);
        Assert.Equal(1, harness.Shard.LastSequence);
    }

    [Fact]
    public async Task Close_4000_reconnects_and_resumes()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        await harness.Fake.CloseAsync(4000);
        var resume = await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Resume);
        await harness.Handler.WaitForAsync("RESUMED");

        Assert.Equal("fake-session-1", resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(4000, harness.Shard.LastCloseCode);
    }

    [Fact]
    public async Task Close_4009_starts_a_new_session()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        await harness.Fake.CloseAsync(4009);
        await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Identify, count: 2);
        await harness.Handler.WaitForAsync("READY", count: 2);

        Assert.DoesNotContain(harness.Fake.Received, f => f.Op == FakeDiscordGatewayOps.Resume);
        Assert.Equal("fake-session-2", harness.Shard.SessionId);
    }

    [Theory]
    [InlineData(4004, "Discord__Token")]
    [InlineData(4014, "enable the intent in the Developer Portal or remove it")]
    [InlineData(4011, "Discord:ShardCount")]
    public async Task A_fatal_close_code_stops_the_shard_for_good_and_logs_the_fix(int code, string fix)
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        await harness.Fake.CloseAsync(code);
        await harness.Client.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(GatewayShardStatus.Failed, harness.Shard.Status);
        Assert.Equal(code, harness.Shard.LastCloseCode);
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(fix, StringComparison.Ordinal));
    }
}
