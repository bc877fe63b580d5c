using System.Net.WebSockets;
using System.Text;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// Frames no real Slack would send, on the loopback fake: none may stop the receive loop. Each is logged, acked when
/// its envelope id can be read, changes no data, and the same socket then handles a valid envelope.
/// </summary>
public sealed class HostileFrameTests
{
    [Fact]
    public async Task The_two_reported_frames_are_acked_and_logged_and_the_socket_then_handles_a_valid_envelope()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        await socket.SendRawAsync("""{"envelope_id":"e-1","type":5,"payload":{}}""");
        await socket.SendRawAsync("""{"envelope_id":"e-2","type":"slash_commands","retry_attempt":1.5,"payload":{}}""");
        await host.Slack.WaitForAckAsync("e-1");
        var second = await host.Slack.WaitForAckAsync("e-2");
        var valid = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0VAL001"));

        Assert.Contains(host.Logs, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("e-1", StringComparison.Ordinal));
        Assert.Contains(host.Logs, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("e-2", StringComparison.Ordinal));
        // e-2 does not accept a response payload and has no response_url: the log line is all there can be.
        Assert.Null(second.Payload);
        Assert.Contains("Welcome to coffee chats", valid.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("U0VAL001", Assert.Single(await host.MembersAsync()).UserId);
        Assert.True(socket.IsOpen);
        Assert.Equal(1, host.Slack.SocketsOpened);
        // Bodies are member text: no log line above Debug carries one.
        Assert.DoesNotContain(host.Logs, l => !l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("\"payload\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HostileFrames.Envelopes), MemberType = typeof(HostileFrames))]
    public async Task A_malformed_envelope_is_acked_and_answered_or_logged_and_changes_nothing(string kind, string json)
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();
        var id = "hostile-" + kind;

        await socket.SendRawAsync(json.Replace("{id}", id, StringComparison.Ordinal));
        var ack = await host.Slack.WaitForAckAsync(id);
        var valid = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0VAL001"));

        Assert.True(ack.Payload is not null || host.Logs.Any(l => l.Contains(id, StringComparison.Ordinal)), $"{kind}: neither answered nor logged");
        Assert.Equal(["U0VAL001"], (await host.MembersAsync()).Select(m => m.UserId));
        Assert.Empty(host.Slack.CallsOf("chat.postMessage"));
        Assert.True(socket.IsOpen);
        Assert.Equal(1, host.Slack.SocketsOpened);
        Assert.Single(host.Slack.AcksFor(id));
    }

    [Fact]
    public async Task Frames_without_a_readable_envelope_are_logged_and_dropped_and_the_socket_carries_on()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        foreach (var frame in HostileFrames.Unreadable)
        {
            Assert.True(await socket.SendRawAsync(frame), "the client must still be reading");
        }

        await socket.SendRawAsync([0xC3, 0x28, 0xFF, 0xFE], WebSocketMessageType.Binary);
        await socket.SendRawAsync(Encoding.UTF8.GetBytes("""{"envelope_id":"binary-1","type":"events_api","payload":{}}"""), WebSocketMessageType.Binary);
        var valid = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0VAL001"));

        Assert.NotNull(valid.Payload);
        await host.Slack.WaitForAckAsync("binary-1");
        Assert.Single(await host.MembersAsync());
        Assert.True(socket.IsOpen);
        Assert.Equal(1, host.Slack.SocketsOpened);
        Assert.True(host.Logs.Count(l => l.Contains("not JSON", StringComparison.Ordinal)) >= 3, "every unparseable frame is logged");
        Assert.Contains(host.Logs, l => l.Contains("without an envelope id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_text_frame_of_invalid_utf8_resets_the_connection_and_a_fresh_one_handles_a_valid_envelope()
    {
        // The WebSocket protocol says a client must fail the connection on this; it must not fail the host with it.
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        await socket.SendRawAsync([0x7B, 0xC3, 0x28, 0xFF, 0xFE, 0x7D]);
        await socket.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var fresh = await host.Slack.NextSocketAsync();
        var valid = await host.SendAsync(fresh, SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0VAL001"));

        Assert.NotNull(valid.Payload);
        Assert.Single(await host.MembersAsync());
    }

    [Fact]
    public async Task A_frame_over_the_cap_resets_the_connection_and_a_fresh_one_handles_a_valid_envelope()
    {
        // The default cap, 4 MiB.
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();
        var huge = Encoding.UTF8.GetBytes("{\"envelope_id\":\"huge-1\",\"type\":\"slash_commands\",\"payload\":{\"text\":\"" + new string('a', 10 * 1024 * 1024) + "\"}}");

        await socket.SendRawAsync(huge);
        await socket.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var fresh = await host.Slack.NextSocketAsync();
        var valid = await host.SendAsync(fresh, SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0VAL001"));

        Assert.Contains(host.Logs, l => l.Contains("over 4194304 bytes", StringComparison.Ordinal) && l.Contains("resetting", StringComparison.Ordinal));
        Assert.Empty(host.Slack.AcksFor("huge-1"));
        Assert.NotNull(valid.Payload);
        Assert.Single(await host.MembersAsync());
    }
}
