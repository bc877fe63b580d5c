using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Core.Leases;
using NetworkingBot.Slack.Home;
using NetworkingBot.Slack.Interactions;
using NetworkingBot.Slack.Rendering;

namespace NetworkingBot.Slack.Socket;

/// <summary>
/// Decides what one envelope's ack carries. It never takes longer than the instant-answer budget: work that is
/// not done by then carries on in the background and answers through its late route. Duplicates (seen here, or
/// claimed by another instance through the optional <see cref="ILeaseStore"/>) and envelopes from another
/// workspace are acked with nothing done.
/// </summary>
internal sealed class EnvelopeProcessor(
    EnvelopeDeduplicator deduplicator,
    SlashCommandHandler slashCommands,
    InteractionHandler interactive,
    HomeRefresher home,
    [FromKeyedServices(SlackServiceCollectionExtensions.Key)] AnswerInTime answers,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<EnvelopeProcessor> logger,
    ILeaseStore? leases = null)
{
    private readonly SharedEnvelopeClaims _claims = new(leases, logger);

    /// <summary>The ack payload, or null for a plain ack. The caller acks in a finally whatever happens here.</summary>
    public async Task<JsonObject?> ProcessAsync(SocketEnvelope envelope, CancellationToken stopping)
    {
        envelope = envelope with { ReceivedAt = time.GetUtcNow() };
        if (!deduplicator.FirstTime(envelope))
        {
            logger.LogInformation("Envelope {EnvelopeId} ({Type}, retry {RetryAttempt}) was already handled; acknowledging only",
                envelope.EnvelopeId, envelope.Type, envelope.RetryAttempt);
            return null;
        }

        // The budget starts before the shared claim, so a slow store shortens the wait for an answer, never the ack.
        using var budgetCancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var budget = Task.Delay(options.Value.InstantAnswerBudget, time, budgetCancel.Token);
        if (!await _claims.FirstTimeAsync(envelope, budget, stopping).ConfigureAwait(false))
        {
            logger.LogInformation("Envelope {EnvelopeId} ({Type}, retry {RetryAttempt}) was taken by another instance; acknowledging only",
                envelope.EnvelopeId, envelope.Type, envelope.RetryAttempt);
            return null;
        }

        if (envelope.Type == SocketEnvelope.EventsApi)
        {
            // An event's ack carries nothing, so it goes now and the work follows, tracked for shutdown: the App
            // Home's views.publish is a Web API round trip (and its store reads run synchronously), which the ack
            // used to wait for. Opening the tab again is the retry if that work fails. The claim above stays before
            // the ack: it is one lease write, and it keeps "taken by another instance" decided when the ack goes.
            await budgetCancel.CancelAsync().ConfigureAwait(false);
            answers.Run(() => Route(envelope, stopping).Work);
            return null;
        }

        var interaction = Route(envelope, stopping);
        var left = options.Value.InstantAnswerBudget - (time.GetUtcNow() - envelope.ReceivedAt);
        var late = new LateRoute<JsonObject?>(
            (answer, ct) => DeliverLateAsync(envelope, interaction, answer, ct),
            _ => BlockKit.Ephemeral(CommandResult.Apology));
        var timely = await answers.AnswerAsync(_ => interaction.Work, left, late, stopping).ConfigureAwait(false);
        await budgetCancel.CancelAsync().ConfigureAwait(false);
        if (!timely.InTime)
        {
            logger.LogInformation("Envelope {EnvelopeId} is taking longer than the ack budget; answering it later", envelope.EnvelopeId);
            return null;
        }

        var inTime = timely.Value;
        if (inTime is null || (interaction.AnswerInAck && envelope.AcceptsResponsePayload && MessageParts.FitsAck(envelope.EnvelopeId, inTime)))
        {
            return inTime;
        }

        if (interaction.AnswerInAck && envelope.AcceptsResponsePayload)
        {
            // Slack closes the socket on a frame over 20 KiB and resends the envelope, which would then be acked
            // empty as a duplicate: the answer would be lost. It goes out after the ack instead.
            logger.LogInformation("The answer to envelope {EnvelopeId} is too large for the ack; acknowledging it and sending the answer after", envelope.EnvelopeId);
        }

        answers.Run(() => DeliverLateAsync(envelope, interaction, inTime, stopping));
        return null;
    }

    private async Task DeliverLateAsync(SocketEnvelope envelope, Interaction interaction, JsonObject? answer, CancellationToken stopping)
    {
        if (answer is null)
        {
            return;
        }

        if (interaction.DeliverLate is null)
        {
            logger.LogWarning("Envelope {EnvelopeId} has an answer but no way to deliver it late", envelope.EnvelopeId);
            return;
        }

        await interaction.DeliverLate(answer, stopping).ConfigureAwait(false);
    }

    private Interaction Route(SocketEnvelope envelope, CancellationToken stopping)
    {
        var team = envelope.Payload.ValueKind == System.Text.Json.JsonValueKind.Object
            ? Payload.Text(envelope.Payload, "team_id") ?? Payload.Text(envelope.Payload, "team", "id") ?? Payload.Text(envelope.Payload, "user", "team_id")
            : null;
        if (options.Value.TeamId is { Length: > 0 } expected && team is not null && team != expected)
        {
            logger.LogWarning("Envelope {EnvelopeId} came from workspace {TeamId}, not the configured {Expected}; ignoring it", envelope.EnvelopeId, team, expected);
            return Interaction.None;
        }

        try
        {
            return envelope.Type switch
            {
                SocketEnvelope.SlashCommands => slashCommands.Handle(envelope, stopping),
                SocketEnvelope.Interactive => interactive.Handle(envelope, stopping),
                // Only the Home tab listens to events; acking the others stops Slack's retries.
                SocketEnvelope.EventsApi => Event(envelope, stopping),
                _ => Unknown(envelope),
            };
        }
        catch (Exception ex)
        {
            // Readers do not throw on malformed payloads, so this is a bug; it stays with this envelope.
            logger.LogError(ex, "Could not read envelope {EnvelopeId} of type {Type}", envelope.EnvelopeId, envelope.Type);
            return Interaction.None;
        }
    }

    private Interaction Event(SocketEnvelope envelope, CancellationToken stopping)
    {
        if (envelope.EventId is null || envelope.Payload.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            logger.LogWarning("Event envelope {EnvelopeId} has no readable event_id; acknowledging only", envelope.EnvelopeId);
            return Interaction.None;
        }

        var inner = Payload.Object(envelope.Payload, "event");
        if (Payload.Text(inner, "type") == "app_home_opened" && Payload.Text(inner, "tab") == "home"
            && Payload.Id(envelope.Payload, "team_id") is { } team && Payload.Id(inner, "user") is { } user)
        {
            return new Interaction(OpenHomeAsync(envelope.EnvelopeId, team, user, stopping), false, null);
        }

        logger.LogDebug("Event envelope {EnvelopeId} acknowledged; no program listens to it", envelope.EnvelopeId);
        return Interaction.None;
    }

    private async Task<JsonObject?> OpenHomeAsync(string envelopeId, string team, string user, CancellationToken stopping)
    {
        try
        {
            await home.OpenedAsync(team, user, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The member sees the last view Slack has (or Slack's empty tab); opening the tab again retries.
            logger.LogWarning(ex, "Could not publish the App Home of {UserId} (envelope {EnvelopeId})", user, envelopeId);
        }

        return null;
    }

    private Interaction Unknown(SocketEnvelope envelope)
    {
        // A missing type, one of the wrong JSON type, or one Slack added later: acked so it is not resent, and logged.
        logger.LogWarning("Envelope {EnvelopeId} has type '{Type}', which this app does not handle; acknowledging only", envelope.EnvelopeId, envelope.Type);
        return Interaction.None;
    }
}
