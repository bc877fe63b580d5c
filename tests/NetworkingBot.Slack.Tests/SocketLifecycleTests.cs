using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing;

namespace NetworkingBot.Slack.Tests;

/// <summary>Connections: duplicates, refreshes under load, drops and link_disabled, against a real loopback socket.</summary>
public sealed class SocketLifecycleTests
{
    [Fact]
    public async Task The_same_envelope_delivered_on_two_sockets_and_twice_on_one_is_acked_every_time_and_processed_once()
    {
        await using var host = await SlackTestHost.StartAsync(connections: 2);
        var first = await host.Slack.NextSocketAsync();
        var second = await host.Slack.NextSocketAsync();
        var envelope = SlackEnvelopes.SlashCommand("join tz:UTC", "U0DUP001", responseUrl: host.Slack.ResponseUrl("dup"));
        var id = envelope["envelope_id"]!.GetValue<string>();

        await first.SendEnvelopeAsync(envelope);
        await Eventually.TrueAsync(() => host.Slack.AcksFor(id).Count == 1);
        await second.SendEnvelopeAsync(envelope.DeepClone().AsObject());
        await first.SendEnvelopeAsync(envelope.DeepClone().AsObject());
        await Eventually.TrueAsync(() => host.Slack.AcksFor(id).Count == 3);

        Assert.Single(host.Slack.AcksFor(id), a => a.Payload is not null);
        Assert.Empty(host.Slack.ResponsesFor("dup"));
        Assert.Single(await host.MembersAsync());
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task A_refresh_in_the_middle_of_a_burst_of_100_envelopes_loses_none_and_processes_none_twice(string reason)
    {
        await using var host = await SlackTestHost.StartAsync();
        var old = await host.Slack.NextSocketAsync();
        var envelopes = Enumerable.Range(0, 100).Select(i =>
        {
            var id = $"burst-{i:D3}";
            return SlackEnvelopes.SlashCommand("join tz:UTC", $"U{i:D8}", responseUrl: host.Slack.ResponseUrl(id), envelopeId: id);
        }).ToList();

        foreach (var envelope in envelopes.Take(50))
        {
            await old.SendEnvelopeAsync(envelope);
        }

        await old.SendDisconnectAsync(reason);
        // Slack may go on delivering on the old socket for a while.
        foreach (var envelope in envelopes.Skip(50).Take(10))
        {
            await old.SendEnvelopeAsync(envelope);
        }

        var replacement = await host.Slack.NextSocketAsync();
        Assert.True(old.IsOpen, "the replacement must be open before the old socket goes");
        foreach (var envelope in envelopes.Skip(60))
        {
            await replacement.SendEnvelopeAsync(envelope);
        }

        // Redeliveries of envelopes from the old socket arrive on the new one.
        foreach (var envelope in envelopes.Skip(40).Take(10))
        {
            await replacement.SendEnvelopeAsync(envelope.DeepClone().AsObject());
        }

        await Eventually.TrueAsync(() => host.Slack.Acks.Count == 110, "110 acks", TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(() => envelopes.All(e => Processed(host, e["envelope_id"]!.GetValue<string>()) >= 1), "every envelope answered", TimeSpan.FromSeconds(20));
        await old.CloseAsync();

        Assert.All(envelopes, e => Assert.Equal(1, Processed(host, e["envelope_id"]!.GetValue<string>())));
        Assert.Equal(100, host.Slack.Acks.Select(a => a.EnvelopeId).Distinct().Count());
        Assert.All(host.Slack.Acks, a => Assert.True(a.SinceSent < TimeSpan.FromSeconds(3), $"{a.EnvelopeId} acked after {a.SinceSent}"));
        Assert.All(envelopes.Take(60), e => Assert.Contains(host.Slack.AcksFor(e["envelope_id"]!.GetValue<string>()), a => a.Socket == old.Number));
        Assert.Equal(100, (await host.MembersAsync()).Count);
        Assert.Equal(2, host.Slack.CallsOf("apps.connections.open").Count);
    }

    [Fact]
    public async Task A_dropped_socket_is_replaced_from_a_fresh_url_and_keeps_working()
    {
        await using var host = await SlackTestHost.StartAsync();
        var first = await host.Slack.NextSocketAsync();

        first.Drop();
        var second = await host.Slack.NextSocketAsync();
        var ack = await host.SendAsync(second, SlackEnvelopes.SlashCommand("join tz:UTC", "U0AFT001"));

        var opens = host.Slack.CallsOf("apps.connections.open");
        Assert.Equal(2, opens.Count);
        Assert.All(opens, c => Assert.Equal("xapp-1-A111-test", c.Token));
        Assert.NotNull(ack.Payload);
        Assert.Single(await host.MembersAsync());
    }

    [Fact]
    public async Task Link_disabled_stops_without_reconnecting()
    {
        await using var host = await SlackTestHost.StartAsync(connections: 2);
        var first = await host.Slack.NextSocketAsync();
        var second = await host.Slack.NextSocketAsync();

        await first.SendDisconnectAsync("link_disabled");
        // Socket Mode is off for the whole app, so every connection stops, not just the one told.
        await Task.WhenAll(first.Closed, second.Closed).WaitAsync(TimeSpan.FromSeconds(10));
        // The service has returned, so no slot can open another connection: the counts below are final.
        await host.SocketsStopped.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, host.Slack.CallsOf("apps.connections.open").Count);
        Assert.Equal(2, host.Slack.SocketsOpened);
        Assert.Contains(host.Logs, l => l.Contains("link_disabled", StringComparison.Ordinal) && l.Contains("Turn Socket Mode back on", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"ok":true}""")]
    [InlineData("""{"ok":true,"url":5}""")]
    [InlineData("""{"ok":true,"url":"not a url"}""")]
    [InlineData("""{"ok":"yes","error":["ratelimited"]}""")]
    [InlineData("""{"ok":true,"url":{"href":"wss://x"}}""")]
    public async Task A_malformed_apps_connections_open_answer_is_retried_and_never_stops_the_slot(string body)
    {
        await using var host = await SlackTestHost.StartAsync(fake: slack => slack.RespondNext("apps.connections.open", body));

        var socket = await host.Slack.NextSocketAsync();
        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC interests:archives", "U0RET001"));

        Assert.NotNull(ack.Payload);
        Assert.Equal(2, host.Slack.CallsOf("apps.connections.open").Count);
        Assert.Contains(host.Logs, l => l.Contains("Could not open a Socket Mode connection", StringComparison.Ordinal));
    }

    private static int Processed(SlackTestHost host, string envelopeId) =>
        host.Slack.AcksFor(envelopeId).Count(a => a.Payload is not null) + host.Slack.ResponsesFor(envelopeId).Count;
}
