using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Rendering;
using NetworkingBot.Slack.Socket;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// <c>/coffee</c> and <c>/networking</c>: the text after the command is the same grammar the console shell reads,
/// so <c>/coffee join tz:UTC</c> in Slack runs exactly what the shell runs. A bare <c>/coffee join</c> opens the form.
/// </summary>
internal sealed class SlashCommandHandler(SlackCommandRunner runner, SlackUserDirectory users, ISlackApi api, ILogger<SlashCommandHandler> logger)
{
    private static readonly string[] Programs = ["/coffee", "/networking", "/job", "/interview"];

    public Interaction Handle(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        var p = envelope.Payload;
        var command = Payload.Text(p, "command") ?? "";
        var actor = new SlackActor(Payload.Text(p, "team_id") ?? "", Payload.Text(p, "channel_id") ?? "",
            Payload.Text(p, "user_id") ?? "", Payload.Text(p, "user_name") ?? Payload.Text(p, "user_id") ?? "");
        var responseUrl = Payload.Url(p, "response_url");
        Func<JsonObject, CancellationToken, Task>? late = responseUrl is null ? null : (answer, ct) => api.RespondAsync(responseUrl, answer, ct);

        if (!Programs.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            var hint = CommandResult.Fail("unknown_program", $"I answer to {string.Join(", ", Programs[..^1].Select(c => $"`{c}`"))} and `{Programs[^1]}`, not `{command}`. Try `/coffee help`.");
            return new Interaction(Task.FromResult<JsonObject?>(BlockKit.Ephemeral(hint)), true, late);
        }

        // Slack escapes &, < and > in command text; the grammar wants what the member typed.
        var text = SlackText.Unescape(Payload.Text(p, "text") ?? "").Trim();
        if (command.Equals("/coffee", StringComparison.OrdinalIgnoreCase) && text.Equals("join", StringComparison.OrdinalIgnoreCase)
            && Payload.Text(p, "trigger_id") is { } trigger)
        {
            return new Interaction(OpenFormAsync(actor, trigger, cancellationToken), true, late);
        }

        if (command.Equals("/job", StringComparison.OrdinalIgnoreCase) && text.Equals("share", StringComparison.OrdinalIgnoreCase)
            && Payload.Text(p, "trigger_id") is { } shareTrigger)
        {
            return new Interaction(OpenShareFormAsync(actor, shareTrigger, cancellationToken), true, late);
        }

        if (command.Equals("/interview", StringComparison.OrdinalIgnoreCase) && text.Equals("request", StringComparison.OrdinalIgnoreCase)
            && Payload.Text(p, "trigger_id") is { } requestTrigger)
        {
            return new Interaction(InterviewRequestModal.OpenAsync(api, actor.ChannelId, requestTrigger, logger, cancellationToken), true, late);
        }

        return new Interaction(RunAsync(actor, $"{command.ToLowerInvariant()} {text}", cancellationToken), true, late);
    }

    private async Task<JsonObject?> RunAsync(SlackActor actor, string line, CancellationToken cancellationToken) =>
        BlockKit.Ephemeral(await runner.RunAsync(actor, line, cancellationToken).ConfigureAwait(false));

    private async Task<JsonObject?> OpenShareFormAsync(SlackActor actor, string trigger, CancellationToken cancellationToken)
    {
        try
        {
            await api.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = JobShareModal.View(actor.ChannelId) }, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not open the job share form: {Error}", ex.Error);
            return BlockKit.Ephemeral(CommandResult.Fail("form_unavailable", "I couldn't open the form just now. You can type the lead instead: `/job help share` shows how."));
        }
    }

    private async Task<JsonObject?> OpenFormAsync(SlackActor actor, string trigger, CancellationToken cancellationToken)
    {
        // The trigger lives 3 s; the time zone prefill is a cached users.info, so it rarely costs a call.
        var user = await users.FindAsync(actor.UserId, cancellationToken).ConfigureAwait(false);
        try
        {
            var view = JoinModal.View(actor.ChannelId, user?.TimeZone);
            await api.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = view }, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not open the join form: {Error}", ex.Error);
            return BlockKit.Ephemeral(CommandResult.Fail("form_unavailable",
                "I couldn't open the join form just now. You can join by typing your profile instead, for example `/coffee join interests:archives,metadata tz:America/Chicago`."));
        }
    }
}
