using Microsoft.Extensions.Logging;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Gateway;

/// <summary>
/// Payloads Discord would never send, over the loopback fake: broken or wrong-typed frames are logged without their
/// body and dropped while the connection carries on; a message over the size cap resets the connection.
/// </summary>
public sealed class GatewayHostileFrameTests
{
    /// <summary>Each is a whole frame; none may cost the connection.</summary>
    private static readonly string[] Unreadable =
    [
        "not json at all {secret-body}",
        """{"op":"0","d":{"secret-body":1}}""",
        """[{"op":0}]""",
        """{"op":99999999999}""",
        """{"op":0,"s":1.5,"t":"GUILD_CREATE","d":{"secret-body":1}}""",
        """{"op":0,"s":"7","t":"GUILD_CREATE","d":{"secret-body":1}}""",
        """{"op":0,"s":null,"t":"READY","d":{"session_id":5,"resume_gateway_url":["secret-body"]}}""",
    ];

    [Fact]
    public async Task Unreadable_frames_are_logged_without_their_body_and_dropped_while_the_connection_carries_on()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        foreach (var frame in Unreadable)
        {
            await harness.Fake.SendRawAsync(frame);
        }

        // A later dispatch on the same connection still arrives, in order, after all of them.
        await harness.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"2","type":2}""");
        await harness.Handler.WaitForAsync("INTERACTION_CREATE");

        Assert.Equal(["READY", "INTERACTION_CREATE"], harness.Handler.Dispatches.Select(d => d.EventName));
        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Empty(harness.Fake.Closed);
        Assert.Equal("fake-session-1", harness.Shard.SessionId);
        Assert.Equal(2, harness.Shard.LastSequence);
        var warnings = harness.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(Unreadable.Length, warnings.Count);
        Assert.True(warnings.All(w => !w.Contains("secret-body", StringComparison.Ordinal)), string.Join("\n", warnings));
        Assert.Contains(warnings, w => w.Contains("READY #", StringComparison.Ordinal) && w.EndsWith("carrying on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_HELLO_without_a_readable_interval_resets_the_connection_which_then_resumes()
    {
        await using var harness = await GatewayHarness.ReadyAsync();

        await harness.Fake.SendRawAsync("""{"op":10,"d":{"heartbeat_interval":"soon"}}""");

        Assert.Equal(4000, (await harness.Fake.WaitForClosedAsync()).ClientCloseCode);
        await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Resume);
        await harness.Handler.WaitForAsync("RESUMED");
        await harness.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"2","type":2}""");
        await harness.Handler.WaitForAsync("INTERACTION_CREATE");
        Assert.Single(harness.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("HELLO without a readable heartbeat_interval", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_over_the_cap_is_given_up_at_the_cap_and_the_connection_is_reset_into_a_new_session()
    {
        const int cap = 256 * 1024;
        await using var harness = await GatewayHarness.StartAsync(maxInboundFrameBytes: cap);
        await harness.Handler.WaitForAsync("READY");

        // 32 MiB: the client must stop reading at the cap, close with 4000 and come back.
        var sending = harness.Fake.SendLargeAsync(32L * 1024 * 1024);
        // The client sends close 4000, but it drops the socket with megabytes still unread, which resets the TCP
        // connection: the fake may or may not have read the close frame first. Never 1000, which would end the session.
        var closed = await harness.Fake.WaitForClosedAsync();
        Assert.True(closed.ClientCloseCode is 4000 or null, $"closed with {closed.ClientCloseCode}");
        await sending;

        // Not a resume: the same message would be replayed. A fresh IDENTIFY, a new session, and dispatches flow again.
        await harness.Fake.WaitForOpAsync(FakeDiscordGatewayOps.Identify, count: 2);
        await harness.Handler.WaitForAsync("READY", count: 2);
        Assert.DoesNotContain(harness.Fake.Received, f => f.Op == FakeDiscordGatewayOps.Resume);
        await harness.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"2","type":2}""");
        await harness.Handler.WaitForAsync("INTERACTION_CREATE");
        Assert.Equal("fake-session-2", harness.Shard.SessionId);

        var line = Assert.Single(harness.Logs.Entries, e => e.Message.Contains("dropped an inbound message", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        var gaveUpAfter = long.Parse(line.Message.Split("gave up after ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(gaveUpAfter, cap + 1, cap + (8 * 1024));
    }

    [Fact]
    public async Task A_message_just_under_the_cap_is_read_whole()
    {
        const int cap = 256 * 1024;
        await using var harness = await GatewayHarness.StartAsync(maxInboundFrameBytes: cap);
        await harness.Handler.WaitForAsync("READY");

        await harness.Fake.SendLargeAsync(cap);
        await harness.Fake.DispatchAsync("INTERACTION_CREATE", """{"id":"2","type":2}""");
        await harness.Handler.WaitForAsync("INTERACTION_CREATE");

        Assert.Equal(["READY", "GUILD_CREATE", "INTERACTION_CREATE"], harness.Handler.Dispatches.Select(d => d.EventName));
        Assert.Equal(cap - 55, harness.Handler.Dispatches[1].Data.GetProperty("padding").GetString()!.Length);
        Assert.Equal(1, harness.Fake.ConnectionCount);
    }
}
