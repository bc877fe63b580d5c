using System.Text.Json;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.Interviews.Handlers;
using NetworkingBot.Slack.Interactions;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Slack.Tests;

/// <summary>/interview through a real socket to the fake Slack: text grammar, the request form, the Accept button and the group-DM intro.</summary>
public sealed class InterviewEnvelopeTests
{
    private static readonly TimeSpan AckLimit = TimeSpan.FromSeconds(3);

    private static string All(SlackApiCall call) => string.Join(' ', call.Args.Values);

    private static string? Text(SlackAck ack) => ack.Payload!.Value.GetProperty("text").GetString();

    [Fact]
    public async Task Bare_request_opens_the_form_its_submission_asks_a_volunteer_and_Accept_introduces_both_in_one_group_DM()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();
        var offered = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("offer specialties:archives role:Archivist capacity:1", "U0VOL001", command: "/interview"));
        Assert.Contains("Thank you for volunteering", Text(offered), StringComparison.Ordinal);

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("request", "U0REQ001", command: "/interview", triggerId: "trigger-iv"));
        Assert.True(ack.SinceSent < AckLimit);
        Assert.Null(ack.Payload);
        var open = await host.Slack.WaitForCallAsync("views.open");
        Assert.Equal(RequestHandler.Spec.FormId, open.Json("view").GetProperty("callback_id").GetString());

        var submitted = await host.SendAsync(socket, SlackEnvelopes.JoinSubmission("U0REQ001",
            new Dictionary<string, string> { ["specialties"] = "archives", ["learn"] = "How do you appraise a collection?" }, callbackId: RequestHandler.Spec.FormId));
        Assert.True(submitted.SinceSent < AckLimit);
        Assert.Equal("update", submitted.Payload!.Value.GetProperty("response_action").GetString());
        var request = Assert.Single(await host.Get<IInterviewStore>().ListRequestsAsync(SlackTestHost.Community));
        Assert.Equal((RequestStatus.Asking, "U0VOL001"), (request.Status, request.VolunteerId));

        // The volunteer's DM carries the Accept button; its value is the command the click runs.
        var ask = await host.Slack.WaitForCallAsync("chat.postMessage", c => All(c).Contains($"request:{request.RequestId} answer:accept", StringComparison.Ordinal));
        Assert.Contains("U0REQ001", All(ask), StringComparison.Ordinal);
        await host.SendAsync(socket, SlackEnvelopes.ButtonClick($"/interview respond request:{request.RequestId} answer:accept", "U0VOL001", "https://hooks.slack.com/actions/T111/1/accept"));

        var group = await host.Slack.WaitForCallAsync("conversations.open", c => c.Arg("users") == "U0REQ001,U0VOL001");
        Assert.NotNull(group);
        await host.Slack.WaitForCallAsync("chat.postMessage", c => All(c).Contains("accepted your informational interview", StringComparison.Ordinal));
        Assert.Equal(RequestStatus.Accepted, (await host.Get<IInterviewStore>().GetRequestAsync(request.RequestId))!.Status);
    }

    [Fact]
    public async Task A_form_with_a_2000_character_answer_gets_a_field_error_and_stores_nothing()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        var submitted = await host.SendAsync(socket, SlackEnvelopes.JoinSubmission("U0REQ001",
            new Dictionary<string, string> { ["specialties"] = "archives", ["learn"] = new string('x', 2000) }, callbackId: RequestHandler.Spec.FormId));

        var payload = submitted.Payload!.Value;
        Assert.Equal("errors", payload.GetProperty("response_action").GetString());
        Assert.Contains("at most 500 characters", payload.GetProperty("errors").GetProperty("learn").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.Get<IInterviewStore>().ListRequestsAsync(SlackTestHost.Community));
    }

    [Fact]
    public async Task Typed_request_with_empty_specialties_is_answered_with_usage_and_changes_nothing()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("request specialties:,, learn:hello", "U0REQ001", command: "/interview"));

        Assert.Contains("at least one specialty", Text(ack), StringComparison.Ordinal);
        Assert.Empty(await host.Get<IInterviewStore>().ListRequestsAsync(SlackTestHost.Community));
    }
}
