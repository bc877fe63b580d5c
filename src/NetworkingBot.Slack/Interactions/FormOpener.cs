using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Rendering;
using NetworkingBot.Slack.Socket;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// Opens forms inside the trigger's life. Slack's trigger_id is good for 3 seconds, so <c>views.open</c> is the first
/// call made, nothing waits before it, and it is never retried (after a 429 or a slow answer) past
/// <see cref="TriggerLife"/>. What needs a <c>users.info</c> lookup (a form's time-zone default) comes from the cache,
/// or is filled in afterwards with <c>views.update</c>.
/// </summary>
internal sealed class FormOpener(ISlackApi api, SlackForms forms, SlackUserDirectory users, [FromKeyedServices(SlackServiceCollectionExtensions.Key)] AnswerInTime background, TimeProvider time, ILogger<FormOpener> logger)
{
    /// <summary>
    /// How long after the envelope arrived (<see cref="SocketEnvelope.ReceivedAt"/>) a views.open may still be attempted;
    /// the trigger itself lives 3 s from Slack's send.
    /// </summary>
    public static readonly TimeSpan TriggerLife = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// Opens <paramref name="spec"/>'s form: null when it opened, else the ephemeral "type it instead" answer. A form that
    /// fills in the member's time zone takes it from the cache now, or from users.info afterwards with views.update.
    /// </summary>
    public async Task<JsonObject?> OpenAsync(SubcommandSpec spec, SlackActor actor, string trigger, DateTimeOffset received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var wantsZone = SlackForms.WantsTimeZone(spec.Form!);
        var cached = wantsZone ? users.Cached(actor.UserId) : null;
        var opened = await TryOpenAsync(forms.View(spec, actor.ChannelId, cached?.TimeZone), trigger, received, cancellationToken).ConfigureAwait(false);
        if (opened is not { } view)
        {
            return BlockKit.Ephemeral(Unavailable(spec));
        }

        if (wantsZone && cached is null)
        {
            background.Run(() => FillTimeZoneAsync(spec, actor, view, cancellationToken));
        }

        return null;
    }

    /// <summary>The answer when the form cannot be opened: how to type the command instead.</summary>
    public static CommandResult Unavailable(SubcommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return CommandResult.Fail("form_unavailable", spec.Form!.Unavailable);
    }

    private async Task FillTimeZoneAsync(SubcommandSpec spec, SlackActor actor, JsonElement view, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(actor.UserId, cancellationToken).ConfigureAwait(false);
        if (user?.TimeZone is not { Length: > 0 } zone || Payload.Text(view, "id") is not { } viewId)
        {
            return;
        }

        var update = new JsonObject { ["view_id"] = viewId, ["view"] = forms.View(spec, actor.ChannelId, zone) };
        if (Payload.Text(view, "hash") is { } hash)
        {
            // Slack refuses the update (hash_conflict) if the form changed since it opened, rather than overwrite it.
            update["hash"] = hash;
        }

        try
        {
            await api.CallAsync("views.update", update, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            logger.LogInformation("Could not fill in the {Form} form's time zone: {Error}", spec.FormId, ex.Error);
        }
    }

    /// <summary>The opened view (id and hash), or null when Slack refused or the trigger's life ran out.</summary>
    private async Task<JsonElement?> TryOpenAsync(JsonObject view, string trigger, DateTimeOffset received, CancellationToken cancellationToken)
    {
        var left = TriggerLife - (time.GetUtcNow() - received);
        if (left <= TimeSpan.Zero)
        {
            // Already too late (a slow shared store, say): Slack would refuse the trigger, so do not spend a call on it.
            logger.LogWarning("The {Form} form's trigger ran out before it could be opened", view["callback_id"]?.GetValue<string>());
            return null;
        }

        using var life = new CancellationTokenSource(left, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, life.Token);
        try
        {
            var body = await api.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = view }, linked.Token).ConfigureAwait(false);
            return Payload.Object(body, "view");
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not open the {Form} form: {Error}", view["callback_id"]?.GetValue<string>(), ex.Error);
            return null;
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not open the {Form} form within its trigger's life: {Reason}", view["callback_id"]?.GetValue<string>(), ex.Message);
            return null;
        }
    }
}
