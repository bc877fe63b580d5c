using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Interviews.Handlers;

/// <summary>
/// Pause, resume and stop share one rule: only an existing offer changes state. They are separate subcommands
/// (offer-pause, offer-resume, offer-stop) because the command grammar has one word per subcommand.
/// </summary>
internal static class OfferState
{
    public static async Task<CommandResult> ChangeAsync(
        IInterviewStore store, InterviewGate gate, CommandContext context, OfferStatus to, Func<InterviewOffer, string?> refuse, string done,
        CancellationToken cancellationToken, InterviewService? retry = null)
    {
        await using var held = await gate.AcquireAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var offer = await store.GetOfferAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        if (offer is null)
        {
            return CommandResult.Fail("no_offer", "You haven't volunteered yet. `/interview offer specialties:... role:...` does that.");
        }

        if (refuse(offer) is { } why)
        {
            return CommandResult.Fail("offer_unchanged", why);
        }

        await store.UpsertOfferAsync(offer with { Status = to }, cancellationToken).ConfigureAwait(false);
        if (retry is not null)
        {
            await retry.RetryWaitingAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        }

        return CommandResult.Ok(done);
    }
}

/// <summary>/interview offer-pause: stop being asked for a while; accepted interviews stay.</summary>
public sealed class OfferPauseHandler(IInterviewStore store, InterviewGate gate) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("interview", "offer-pause", "take a break from being asked (your accepted interviews stay)", []);

    public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
        OfferState.ChangeAsync(store, gate, context, OfferStatus.Paused,
            o => o.Status == OfferStatus.Active ? null : "Your offer isn't active, so there's nothing to pause. `/interview offer-resume` turns it back on.",
            "Paused: nobody will be matched with you until you use `/interview offer-resume`.", cancellationToken);
}

/// <summary>/interview offer-resume: be matched again after a pause or a stop.</summary>
public sealed class OfferResumeHandler(IInterviewStore store, InterviewGate gate, InterviewService search) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("interview", "offer-resume", "be matched with members again", []);

    public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
        OfferState.ChangeAsync(store, gate, context, OfferStatus.Active,
            o => o.Status == OfferStatus.Active ? "Your offer is already active; nothing changed." : null,
            "Welcome back: members can be matched with you again.", cancellationToken, search);
}

/// <summary>/interview offer-stop: stop volunteering; the offer is kept (resume any time) until forget-me.</summary>
public sealed class OfferStopHandler(IInterviewStore store, InterviewGate gate) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("interview", "offer-stop", "stop volunteering (you can resume later)", []);

    public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
        OfferState.ChangeAsync(store, gate, context, OfferStatus.Stopped,
            o => o.Status == OfferStatus.Stopped ? "Your offer is already stopped; nothing changed." : null,
            "Stopped: you won't be asked for interviews. Thank you for volunteering! `/interview offer-resume` brings you back.", cancellationToken);
}
