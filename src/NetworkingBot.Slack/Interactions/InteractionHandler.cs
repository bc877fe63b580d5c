using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;
using NetworkingBot.Slack.Rendering;
using NetworkingBot.Slack.Socket;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// Button clicks and form submissions. A button's value is the command line it runs, as the person who clicked; a
/// form's submission is looked up by its callback_id in the catalogue and read into its subcommand's request by the one
/// form reader, and a bad field is answered next to that field.
/// </summary>
internal sealed class InteractionHandler(SlackCommandRunner runner, CommandCatalog catalog, LateReplies replies, FormOpener forms, ILogger<InteractionHandler> logger)
{
    public Interaction Handle(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        var p = envelope.Payload;
        return Payload.Text(p, "type") switch
        {
            "block_actions" => Anonymous(envelope.EnvelopeId, p) ?? Click(envelope, p, cancellationToken),
            "view_submission" when FormOf(p) is { } spec => Anonymous(envelope.EnvelopeId, p) is null ? Submit(p, spec, cancellationToken) : Unreadable(),
            var other => Ignore(envelope.EnvelopeId, other, Payload.Text(p, "view", "callback_id")),
        };
    }

    private Interaction Click(SocketEnvelope envelope, JsonElement p, CancellationToken cancellationToken)
    {
        var envelopeId = envelope.EnvelopeId;
        var action = p.ValueKind == JsonValueKind.Object && p.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array
            ? actions.EnumerateArray().FirstOrDefault(a => Payload.Text(a, "type") == "button" && Payload.Text(a, "value")?.StartsWith('/') == true)
            : default;
        var line = Payload.Text(action, "value");
        var responseUrl = Payload.Url(p, "response_url");
        if (line is null)
        {
            // Link buttons and selects arrive here too; only our command buttons carry a line to run.
            logger.LogInformation("Click {EnvelopeId} carries no command button; acknowledging only", envelopeId);
            return Interaction.None;
        }

        var channel = Payload.Id(p, "channel", "id") ?? Payload.Id(p, "container", "channel_id") ?? "";
        var actor = Actor(p, channel);
        // Slack ignores an ack payload for clicks; the answer goes to the response_url as an ephemeral message.
        Func<JsonObject, CancellationToken, Task> late = (answer, ct) => replies.DeliverAsync(responseUrl, actor, answer, ct);

        // A button for a bare command with a form (the App Home's "Edit profile") opens that form, as typing it would.
        if (FormFor(line) is { } form && Payload.Text(p, "trigger_id") is { } trigger)
        {
            return new Interaction(forms.OpenAsync(form, actor, trigger, envelope.ReceivedAt, cancellationToken), false, late);
        }

        return new Interaction(ClickAsync(actor, line, cancellationToken), false, late);
    }

    private async Task<JsonObject?> ClickAsync(SlackActor actor, string line, CancellationToken cancellationToken)
    {
        var answer = BlockKit.Ephemeral(await runner.RunAsync(actor, line, cancellationToken).ConfigureAwait(false));
        answer["replace_original"] = false;
        return answer;
    }

    private SubcommandSpec? FormFor(string line) =>
        CommandLine.Parse(line).Request is { Options.Count: 0 } request && catalog.Find(request.Program, request.Subcommand)?.Spec is { Form: { } form } spec && form.OpensFor(request)
            ? spec
            : null;

    private SubcommandSpec? FormOf(JsonElement p) => Payload.Text(p, "view", "callback_id") is { } id ? catalog.FindForm(id) : null;

    private Interaction Submit(JsonElement p, SubcommandSpec spec, CancellationToken cancellationToken)
    {
        var form = spec.Form!;
        var view = Payload.Object(p, "view");
        var values = SlackForms.Values(form, view);
        if (FormSubmission.Missing(form, values) is { } missing)
        {
            return new Interaction(Task.FromResult<JsonObject?>(SlackForms.Errors(missing)), true, null);
        }

        var actor = Actor(p, Payload.Id(view, "private_metadata") ?? "");
        var request = FormSubmission.ToRequest(spec, values);
        CommandResult? result = null;

        async Task<JsonObject?> RunAsync()
        {
            result = await runner.RunSubmittedAsync(actor, request, cancellationToken).ConfigureAwait(false);
            return SlackForms.Answer(form, result);
        }

        // Too slow for the ack: the form closes, and the member gets the answer as a DM instead.
        return new Interaction(RunAsync(), true, (_, ct) => result is null
            ? Task.CompletedTask
            : replies.DeliverAsync(null, actor, BlockKit.Ephemeral(result), ct));
    }

    private Interaction Ignore(string envelopeId, string? type, string? callbackId)
    {
        logger.LogInformation("Ignoring interactive envelope {EnvelopeId} of type {Type} (form {CallbackId})", envelopeId, type ?? "untyped", callbackId ?? "none");
        return Interaction.None;
    }

    /// <summary>Nothing can be run as nobody: a payload without a user or workspace is logged (not its body) and not run.</summary>
    private Interaction? Anonymous(string envelopeId, JsonElement p)
    {
        if (Payload.Id(p, "user", "id") is not null && (Payload.Id(p, "team", "id") ?? Payload.Id(p, "user", "team_id")) is not null)
        {
            return null;
        }

        logger.LogWarning("Interactive envelope {EnvelopeId} names no user or workspace; acknowledging without running it", envelopeId);
        return Interaction.None;
    }

    /// <summary>A form that could not be read is replaced by a short explanation rather than closed without a word.</summary>
    private static Interaction Unreadable() => new(Task.FromResult<JsonObject?>(new JsonObject
    {
        ["response_action"] = "update",
        ["view"] = new JsonObject
        {
            ["type"] = "modal",
            ["title"] = ModalParts.Plain("Networking bot"),
            ["close"] = ModalParts.Plain("Close"),
            ["blocks"] = BlockKit.ViewBlocks("Slack sent this form without everything I need, so nothing was saved. Please open it again and resubmit."),
        },
    }), true, null);

    private static SlackActor Actor(JsonElement p, string channel)
    {
        var userId = Payload.Id(p, "user", "id") ?? "";
        return new SlackActor(
            Payload.Id(p, "team", "id") ?? Payload.Id(p, "user", "team_id") ?? "",
            channel,
            userId,
            Payload.Name(userId, Payload.Text(p, "user", "name"), Payload.Text(p, "user", "username")));
    }
}
