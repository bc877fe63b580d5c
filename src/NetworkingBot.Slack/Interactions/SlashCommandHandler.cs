using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Rendering;
using NetworkingBot.Slack.Socket;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// <c>/coffee</c> and <c>/networking</c>: the text after the command is the same grammar the console shell reads,
/// so <c>/coffee join tz:UTC</c> in Slack runs exactly what the shell runs. A bare <c>/coffee join</c> opens the form.
/// </summary>
internal sealed class SlashCommandHandler(SlackCommandRunner runner, FormOpener forms, LateReplies replies, ILogger<SlashCommandHandler> logger)
{
    private static readonly string[] Programs = ["/coffee", "/networking", "/job", "/interview"];

    public Interaction Handle(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        var p = envelope.Payload;
        var command = Payload.Text(p, "command") ?? "";
        var userId = Payload.Id(p, "user_id") ?? "";
        var actor = new SlackActor(Payload.Id(p, "team_id") ?? "", Payload.Id(p, "channel_id") ?? "", userId, Payload.Name(userId, Payload.Text(p, "user_name")));
        var responseUrl = Payload.Url(p, "response_url");
        Func<JsonObject, CancellationToken, Task> late = (answer, ct) => replies.DeliverAsync(responseUrl, actor, answer, ct);
        if (Missing(actor, command) is { } missing)
        {
            // Without these nothing can be run as anyone; the member (if Slack shows the ack to one) gets a plain answer.
            logger.LogWarning("Slash command envelope {EnvelopeId} has no {Missing}; answering without running it", envelope.EnvelopeId, missing);
            var unreadable = CommandResult.Fail("unreadable_command", "Slack sent this command without everything I need to run it, so I didn't. Please try it again.");
            return new Interaction(Task.FromResult<JsonObject?>(BlockKit.Ephemeral(unreadable)), true, late);
        }

        if (!Programs.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            var hint = CommandResult.Fail("unknown_program", $"I answer to {string.Join(", ", Programs[..^1].Select(c => $"`{c}`"))} and `{Programs[^1]}`, not `{command}`. Try `/coffee help`.");
            return new Interaction(Task.FromResult<JsonObject?>(BlockKit.Ephemeral(hint)), true, late);
        }

        // Slack escapes &, < and > in command text; the grammar wants what the member typed.
        var text = SlackText.Unescape(Payload.Text(p, "text") ?? "").Trim();
        if (FormFor(command, text) is { } form)
        {
            if (Payload.Text(p, "trigger_id") is not { } trigger)
            {
                // A form needs Slack's trigger; running the bare command instead would, for join, join with defaults.
                logger.LogWarning("Slash command envelope {EnvelopeId} ({Command} {Text}) has no trigger_id; answering with the typed form", envelope.EnvelopeId, command, text);
                return new Interaction(Task.FromResult<JsonObject?>(BlockKit.Ephemeral(FormUnavailable(form))), true, late);
            }

            return new Interaction(OpenFormAsync(form, actor, trigger, envelope.ReceivedAt, cancellationToken), true, late);
        }

        return new Interaction(RunAsync(actor, $"{command.ToLowerInvariant()} {text}", cancellationToken), true, late);
    }

    private static string? Missing(SlackActor actor, string command)
    {
        var missing = new[] { ("command", command), ("team_id", actor.TeamId), ("user_id", actor.UserId), ("channel_id", actor.ChannelId) }
            .Where(f => f.Item2.Length == 0).Select(f => f.Item1).ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    private async Task<JsonObject?> RunAsync(SlackActor actor, string line, CancellationToken cancellationToken) =>
        BlockKit.Ephemeral(await runner.RunAsync(actor, line, cancellationToken).ConfigureAwait(false));

    private static string? FormFor(string command, string text) => (command.ToLowerInvariant(), text.ToLowerInvariant()) switch
    {
        ("/coffee", "join") => JoinModal.CallbackId,
        ("/job", "share") => JobShareModal.CallbackId,
        ("/interview", "request") => InterviewRequestModal.CallbackId,
        _ => null,
    };

    private static CommandResult FormUnavailable(string form) => CommandResult.Fail("form_unavailable", form switch
    {
        JoinModal.CallbackId => "I couldn't open the join form just now. You can join by typing your profile instead, for example `/coffee join interests:archives,metadata tz:America/Chicago`.",
        JobShareModal.CallbackId => "I couldn't open the form just now. You can type the lead instead: `/job help share` shows how.",
        _ => "I couldn't open the form just now. You can type it instead, for example `/interview request specialties:archives learn:\"How did you start?\"`.",
    });

    private Task<JsonObject?> OpenFormAsync(string form, SlackActor actor, string trigger, DateTimeOffset received, CancellationToken cancellationToken) => form switch
    {
        JoinModal.CallbackId => forms.OpenJoinAsync(actor, trigger, received, FormUnavailable(form), cancellationToken),
        JobShareModal.CallbackId => forms.OpenAsync(JobShareModal.View(actor.ChannelId), trigger, received, FormUnavailable(form), cancellationToken),
        _ => forms.OpenAsync(InterviewRequestModal.View(actor.ChannelId), trigger, received, FormUnavailable(form), cancellationToken),
    };
}
