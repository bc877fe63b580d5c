using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Rendering;
using NetworkingBot.Slack.Socket;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// Button clicks and form submissions. A button's value is the command line it runs, as the person who clicked;
/// the join form's submission becomes a <c>/coffee join</c> line, and a bad field is answered next to that field.
/// </summary>
internal sealed class InteractiveHandler(SlackCommandRunner runner, ISlackApi api, SlackMessenger messenger, ILogger<InteractiveHandler> logger)
{
    public Interaction Handle(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        var p = envelope.Payload;
        return Payload.Text(p, "type") switch
        {
            "block_actions" => Click(p, cancellationToken),
            "view_submission" when Payload.Text(p, "view", "callback_id") == JoinModal.CallbackId => Submit(p, JoinModal.CommandLineFor, JoinModal.Answer, cancellationToken),
            "view_submission" when Payload.Text(p, "view", "callback_id") == JobShareModal.CallbackId => Submit(p, JobShareModal.CommandLineFor, JobShareModal.Answer, cancellationToken),
            "view_submission" when Payload.Text(p, "view", "callback_id") == InterviewRequestModal.CallbackId =>
                Submit(p, InterviewRequestModal.CommandLineFor, InterviewRequestModal.Answer, cancellationToken),
            var other => Ignore(other),
        };
    }

    private Interaction Click(JsonElement p, CancellationToken cancellationToken)
    {
        var action = p.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array
            ? actions.EnumerateArray().FirstOrDefault(a => Payload.Text(a, "type") == "button" && Payload.Text(a, "value")?.StartsWith('/') == true)
            : default;
        var line = Payload.Text(action, "value");
        var responseUrl = Payload.Url(p, "response_url");
        if (line is null)
        {
            return Interaction.None;
        }

        var channel = Payload.Text(p, "channel", "id") ?? Payload.Text(p, "container", "channel_id") ?? "";
        var actor = Actor(p, channel);
        // Slack ignores an ack payload for clicks; the answer goes to the response_url as an ephemeral message.
        Func<JsonObject, CancellationToken, Task> late = responseUrl is null
            ? (answer, ct) => DirectAsync(actor, answer, ct)
            : (answer, ct) => api.RespondAsync(responseUrl, answer, ct);
        return new Interaction(ClickAsync(actor, line, cancellationToken), false, late);
    }

    private async Task<JsonObject?> ClickAsync(SlackActor actor, string line, CancellationToken cancellationToken)
    {
        var answer = BlockKit.Ephemeral(await runner.RunAsync(actor, line, cancellationToken).ConfigureAwait(false));
        answer["replace_original"] = false;
        return answer;
    }

    private Interaction Submit(JsonElement p, Func<JsonElement, string> lineFor, Func<CommandResult, JsonObject> answer, CancellationToken cancellationToken)
    {
        var view = p.GetProperty("view");
        var actor = Actor(p, Payload.Text(view, "private_metadata") ?? "");
        var line = lineFor(view);
        CommandResult? result = null;

        async Task<JsonObject?> RunAsync()
        {
            result = await runner.RunAsync(actor, line, cancellationToken).ConfigureAwait(false);
            return answer(result);
        }

        // Too slow for the ack: the form closes, and the member gets the answer as a DM instead.
        return new Interaction(RunAsync(), true, (_, ct) => result is null
            ? Task.CompletedTask
            : DirectAsync(actor, BlockKit.Ephemeral(result), ct));
    }

    private Task DirectAsync(SlackActor actor, JsonObject answer, CancellationToken cancellationToken)
    {
        var text = answer["text"]?.GetValue<string>() ?? "";
        return messenger.SendAsync(OutboundMessage.ToUser(SlackCommandRunner.CommunityId(actor.TeamId), actor.UserId, SlackText.Unescape(text),
            $"late-answer:{Guid.NewGuid():N}"), cancellationToken);
    }

    private Interaction Ignore(string? type)
    {
        logger.LogDebug("Ignoring interactive payload of type {Type}", type);
        return Interaction.None;
    }

    private static SlackActor Actor(JsonElement p, string channel) => new(
        Payload.Text(p, "team", "id") ?? Payload.Text(p, "user", "team_id") ?? "",
        channel,
        Payload.Text(p, "user", "id") ?? "",
        Payload.Text(p, "user", "name") ?? Payload.Text(p, "user", "username") ?? Payload.Text(p, "user", "id") ?? "");
}
