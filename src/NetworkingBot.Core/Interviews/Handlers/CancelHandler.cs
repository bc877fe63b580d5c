using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Interviews.Handlers;

/// <summary>/interview cancel: withdraw one of my open requests; a volunteer already involved is told.</summary>
public sealed class CancelHandler(IInterviewStore store, InterviewService search, InterviewGate gate) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("interview", "cancel", "withdraw one of your requests",
    [
        new("request", "the request id from `/interview list` (not needed when you have just one open)"),
    ], Example: "/interview cancel request:iv-1a2b3c4d");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        await using var held = await gate.AcquireAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var open = (await store.ListRequestsAsync(context.CommunityId, cancellationToken).ConfigureAwait(false))
            .Where(r => r.RequesterId == context.Actor.Id).ToList();
        InterviewRequest? target;
        if (request.Option("request")?.Trim() is { Length: > 0 } id)
        {
            target = open.FirstOrDefault(r => r.RequestId == id);
            if (target is null)
            {
                return CommandResult.Fail(InterviewResponses.NoSuchRequest);
            }
        }
        else
        {
            var candidates = open.Where(r => r.IsOpen).ToList();
            if (candidates.Count != 1)
            {
                return CommandResult.Fail("which_request", candidates.Count == 0
                    ? "You have no open interview requests to cancel."
                    : $"You have {candidates.Count} open requests; say which: {string.Join(", ", candidates.Select(r => $"`/interview cancel request:{r.RequestId}`"))}.");
            }

            target = candidates[0];
        }

        if (!target.IsOpen)
        {
            return CommandResult.Fail("request_closed", $"Request `{target.RequestId}` is already closed ({target.Status.ToString().ToLowerInvariant()}); nothing changed.");
        }

        if (!await store.TryUpdateRequestAsync(target.Next() with { Status = RequestStatus.Cancelled, DueAt = null }, cancellationToken).ConfigureAwait(false))
        {
            return CommandResult.Fail("busy", "That request changed a moment ago; please check `/interview list` and try again.");
        }

        if (target.VolunteerId is { } volunteer && target.Status != RequestStatus.Waiting)
        {
            await search.TryDirectAsync(target.CommunityId, volunteer, InterviewTexts.WithdrawnForVolunteer(target), $"interview:{target.RequestId}:cancelled:{volunteer}", [], cancellationToken).ConfigureAwait(false);
        }

        // The cancelled request no longer holds the volunteer's slot: someone waiting may get it.
        await search.RetryWaitingAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok($"Cancelled request `{target.RequestId}` ({InterviewTexts.Topic(target)}).");
    }
}
