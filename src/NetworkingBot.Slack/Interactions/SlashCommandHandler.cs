using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Rendering;
using NetworkingBot.Slack.Socket;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// One slash command per program in the catalogue: the text after it is the same grammar the console shell reads, so a
/// command typed in Slack runs exactly what the shell runs. A bare subcommand that has a form opens the form (Slack's
/// command text cannot carry typed options into one).
/// </summary>
internal sealed class SlashCommandHandler(SlackCommandRunner runner, CommandCatalog catalog, FormOpener forms, LateReplies replies, ILogger<SlashCommandHandler> logger)
{
    private readonly string[] _programs = [.. catalog.Programs.Select(p => "/" + p)];

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

        if (!_programs.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            var hint = CommandResult.Fail("unknown_program", $"I answer to {string.Join(", ", _programs[..^1].Select(c => $"`{c}`"))} and `{_programs[^1]}`, not `{command}`. Try `{_programs[0]} help`.");
            return new Interaction(Task.FromResult<JsonObject?>(BlockKit.Ephemeral(hint)), true, late);
        }

        // Slack escapes &, < and > in command text; the grammar wants what the member typed.
        var text = SlackText.Unescape(Payload.Text(p, "text") ?? "").Trim();
        var (request, error) = CommandLine.Parse($"{command.ToLowerInvariant()} {text}");
        if (request is null)
        {
            return new Interaction(Task.FromResult<JsonObject?>(BlockKit.Ephemeral(CommandResult.Fail(error!))), true, late);
        }

        if (FormFor(request) is { } form)
        {
            if (Payload.Text(p, "trigger_id") is not { } trigger)
            {
                // A form needs Slack's trigger; running the bare command instead would, for join, join with defaults.
                logger.LogWarning("Slash command envelope {EnvelopeId} ({Command} {Text}) has no trigger_id; answering with the typed form", envelope.EnvelopeId, command, text);
                return new Interaction(Task.FromResult<JsonObject?>(BlockKit.Ephemeral(FormOpener.Unavailable(form))), true, late);
            }

            return new Interaction(forms.OpenAsync(form, actor, trigger, envelope.ReceivedAt, cancellationToken), true, late);
        }

        return new Interaction(RunAsync(actor, request, cancellationToken), true, late);
    }

    private static string? Missing(SlackActor actor, string command)
    {
        var missing = new[] { ("command", command), ("team_id", actor.TeamId), ("user_id", actor.UserId), ("channel_id", actor.ChannelId) }
            .Where(f => f.Item2.Length == 0).Select(f => f.Item1).ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    private async Task<JsonObject?> RunAsync(SlackActor actor, CommandRequest request, CancellationToken cancellationToken) =>
        BlockKit.Ephemeral(await runner.RunAsync(actor, request, cancellationToken).ConfigureAwait(false));

    /// <summary>The subcommand whose form a bare command opens, or null to run it as typed.</summary>
    private SubcommandSpec? FormFor(CommandRequest request) =>
        request.Options.Count == 0 && catalog.Find(request.Program, request.Subcommand)?.Spec is { Form: { } form } spec && form.OpensFor(request) ? spec : null;
}
