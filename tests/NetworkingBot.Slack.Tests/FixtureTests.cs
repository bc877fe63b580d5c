using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkingBot.Core.CoffeeChats.Handlers;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Interactions;
using NetworkingBot.Slack.Socket;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Slack.Tests;

/// <summary>The real Slack samples in Fixtures/ (see SOURCES.md) parse and translate.</summary>
public sealed class FixtureTests
{
    private static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static JsonObject Node(string name) => JsonNode.Parse(Text(name))!.AsObject();

    [Theory]
    [InlineData("socket_envelope_slash_commands_docs.json", "slash_commands", true)]
    [InlineData("socket_envelope_block_actions_button_docs.json", "interactive", true)]
    [InlineData("socket_envelope_view_submission_docs.json", "interactive", true)]
    [InlineData("socket_envelope_events_api_app_mention_sdk.json", "events_api", false)]
    [InlineData("socket_envelope_events_api_message_sdk.json", "events_api", false)]
    public void Envelope_fixtures_parse(string file, string type, bool acceptsPayload)
    {
        var envelope = SocketEnvelope.From(JsonSerializer.Deserialize<JsonElement>(Text(file)));

        Assert.NotNull(envelope);
        Assert.Equal((type, acceptsPayload), (envelope.Type, envelope.AcceptsResponsePayload));
        Assert.False(string.IsNullOrEmpty(envelope.EnvelopeId));
        Assert.Equal(type == "events_api" ? "Ev111" : null, envelope.EventId);
    }

    [Theory]
    [InlineData("socket_hello_docs.json")]
    [InlineData("socket_disconnect_refresh_requested_docs.json")]
    public void Control_frames_are_not_envelopes(string file) =>
        Assert.Null(SocketEnvelope.From(JsonSerializer.Deserialize<JsonElement>(Text(file))));

    [Fact]
    public async Task The_fixture_slash_command_and_a_coffee_variant_of_it_are_answered_in_the_ack()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        var foreign = await host.SendAsync(socket, Node("socket_envelope_slash_commands_docs.json"));
        var coffee = Node("socket_envelope_slash_commands_docs.json");
        coffee["envelope_id"] = "coffee-variant";
        coffee["payload"]!["command"] = "/coffee";
        coffee["payload"]!["text"] = "status";
        var status = await host.SendAsync(socket, coffee);

        Assert.Contains("I answer to `/coffee`, `/networking`, `/job`, `/network`, `/intro` and `/interview`, not `/randorilke`", foreign.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("ephemeral", status.Payload!.Value.GetProperty("response_type").GetString());
        Assert.Contains("/coffee join", status.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Foreign_interactions_and_events_are_acked_plainly_and_touch_nothing()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        // The docs' button value is not a command, and its modal is not ours; both events share event_id Ev111.
        foreach (var file in new[] { "socket_envelope_block_actions_button_docs.json", "socket_envelope_view_submission_docs.json",
                     "socket_envelope_events_api_app_mention_sdk.json", "socket_envelope_events_api_message_sdk.json" })
        {
            var node = Node(file);
            node["envelope_id"] = file;
            var ack = await host.SendAsync(socket, node);
            Assert.Null(ack.Payload);
        }

        Assert.DoesNotContain(host.Slack.Calls, c => c.Method != "apps.connections.open");
        Assert.Empty(await host.MembersAsync());
        Assert.Contains(host.Logs, l => l.Contains("already handled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hello_and_disconnect_fixtures_drive_the_connection_lifecycle()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.AutoHello = false;
        var first = await host.Slack.NextSocketAsync();
        await first.SendAsync(Node("socket_hello_docs.json"));
        await first.SendAsync(Node("socket_disconnect_refresh_requested_docs.json"));
        var second = await host.Slack.NextSocketAsync();
        await second.SendAsync(Node("socket_hello_sdk.json"));
        await second.SendAsync(Node("socket_disconnect_warning_docs.json"));
        var third = await host.Slack.NextSocketAsync();
        await third.SendAsync(Node("socket_hello_sdk.json"));
        await third.SendAsync(Node("socket_disconnect_link_disabled_docs.json"));

        await third.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        // link_disabled ends the service; once it has returned nothing can open a fourth connection.
        await host.SocketsStopped.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, host.Slack.SocketsOpened);
    }

    [Fact]
    public async Task Web_api_fixture_bodies_are_read_as_slack_sends_them()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        var api = host.Get<ISlackApi>();
        host.Slack.RespondNext("apps.connections.open", Text("socket_apps_connections_open_ok_docs.json"));
        host.Slack.RespondNext("users.info", Text("api_users.info_ok.json"));
        host.Slack.RespondNext("conversations.members", Text("api_conversations.members_ok_with_next_cursor.json"));
        host.Slack.RespondNext("conversations.members", """{"ok":true,"members":["U0LAST01"],"response_metadata":{"next_cursor":""}}""");
        host.Slack.RespondNext("conversations.open", Text("api_conversations.open_ok.json"));
        var limited = Node("http_429_ratelimited_sdk_mock.json");
        host.Slack.RespondNext("chat.postMessage", limited["body"]!.ToJsonString(), limited["status"]!.GetValue<int>());
        host.Slack.RespondNext("chat.postMessage", Text("api_chat.postMessage_ok.json"));
        host.Slack.RespondNext("admin.apps.requests.list", Text("api_error_missing_scope.json"));

        Assert.Equal(new Uri("wss://wss.slack.com/link/?ticket=1234-5678"), await api.OpenConnectionAsync(default));
        Assert.True(await host.Get<SlackUserDirectory>().IsOrganiserAsync("W012A3CDE", default));
        Assert.Equal("America/Los_Angeles", (await host.Get<SlackUserDirectory>().FindAsync("W012A3CDE", default))!.TimeZone);
        var members = new List<string>();
        await foreach (var m in api.PageAsync("conversations.members", new JsonObject { ["channel"] = "C111" }, "members", default))
        {
            members.Add(m.GetString()!);
        }

        Assert.Equal(["U023BECGF", "U061F7AUR", "W012A3CDE", "U0LAST01"], members);
        Assert.Equal("e3VzZXJfaWQ6IFcxMjM0NTY3fQ==", host.Slack.CallsOf("conversations.members")[1].Arg("cursor"));
        await host.Get<SlackMessenger>().SendAsync(NetworkingBot.Core.Abstractions.OutboundMessage.ToUser(SlackTestHost.Community, "U0ANA001", "hi", "k"), default);
        Assert.Equal(["D069C7QFK", "D069C7QFK"], host.Slack.CallsOf("chat.postMessage").Select(c => c.Arg("channel")));
        var scope = await Assert.ThrowsAsync<SlackApiException>(() => api.CallAsync("admin.apps.requests.list", [], default));
        Assert.Equal(("admin.apps:read", "read,client,admin,identify,post,apps"), (scope.Needed, scope.Provided));
    }

    [Fact]
    public async Task The_views_open_error_fixture_becomes_a_polite_fallback()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.RespondNext("views.open", Text("api_views.open_error_invalid_arguments.json"));
        var socket = await host.Slack.NextSocketAsync();

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join", "U0ANA001"));

        Assert.Contains("couldn't open the join form", ack.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Our_acks_have_the_documented_shapes()
    {
        var plain = JsonNode.Parse(Text("socket_ack_envelope_only_docs.json"))!.AsObject();
        var update = JsonNode.Parse(Text("socket_ack_view_submission_response_action_update_docs.json"))!["payload"]!.AsObject();
        var answer = SlackForms.Answer(JoinHandler.Spec.Form!, CommandResult.Fail("already_joined", "You're already in coffee chats."));

        Assert.Equal(["envelope_id"], plain.Select(p => p.Key));
        Assert.Equal(update["response_action"]!.GetValue<string>(), answer["response_action"]!.GetValue<string>());
        Assert.Equal(update["view"]!["type"]!.GetValue<string>(), answer["view"]!["type"]!.GetValue<string>());
        Assert.Equal("section", answer["view"]!["blocks"]![0]!["type"]!.GetValue<string>());
    }
}
