using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.Interviews;

/// <summary>A volunteer's answer to an ask, and the requester's answer to "Did it happen?".</summary>
public enum VolunteerAnswer
{
    Accept,
    Decline,
}

/// <summary>The requester's answer to the follow-up question.</summary>
public enum FollowUpAnswer
{
    Done,
    NotYet,
    FellThrough,
}

/// <summary>
/// The clicks: Accept / Decline from the volunteer, Done / Not yet / It fell through from the requester. Each
/// answer is checked against the request's state first, so a late, repeated or foreign click changes nothing.
/// </summary>
public sealed class InterviewResponses(
    IInterviewStore store,
    IMessenger messenger,
    InterviewService search,
    InterviewGate gate,
    NetworkLog network,
    TimeProvider time,
    IOptions<InterviewOptions> options)
{
    public static readonly UserError NoSuchRequest = new("no_such_request", "I couldn't find that interview request for you. It may belong to someone else, or have been deleted. `/interview list` shows yours.");

    public async Task<CommandResult> RespondAsync(CommandContext context, string requestId, VolunteerAnswer answer, CancellationToken cancellationToken)
    {
        await using var held = await gate.AcquireAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var request = await store.GetRequestAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request is null || request.CommunityId != context.CommunityId || !request.Asked.Contains(context.Actor.Id))
        {
            return CommandResult.Fail(NoSuchRequest);
        }

        if (request.Status == RequestStatus.Cancelled)
        {
            return CommandResult.Fail("request_cancelled", "That request was cancelled by the member who made it, so there's nothing to answer. Thank you all the same!");
        }

        if (request.VolunteerId == context.Actor.Id && request.AcceptedAt is not null)
        {
            return CommandResult.Fail("already_answered", "You already accepted this one; nothing changed. Your intro is in your DMs, and `/interview list` shows it.");
        }

        if (request.Status != RequestStatus.Asking || request.VolunteerId != context.Actor.Id)
        {
            return CommandResult.Fail("no_longer_asking", "This request isn't waiting for you any more (the time to answer passed, or you already answered), so nothing changed.");
        }

        return answer == VolunteerAnswer.Accept
            ? await AcceptAsync(request, cancellationToken).ConfigureAwait(false)
            : await DeclineAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CommandResult> FollowUpAsync(CommandContext context, string requestId, FollowUpAnswer answer, CancellationToken cancellationToken)
    {
        await using var held = await gate.AcquireAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var request = await store.GetRequestAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request is null || request.CommunityId != context.CommunityId || request.RequesterId != context.Actor.Id)
        {
            return CommandResult.Fail(NoSuchRequest);
        }

        if (request.Status is not (RequestStatus.Accepted or RequestStatus.FollowUpSent))
        {
            return CommandResult.Fail("already_answered", "That interview has no open question any more (it was answered, cancelled or closed), so nothing changed.");
        }

        var now = time.GetUtcNow();
        var (next, reply) = answer switch
        {
            FollowUpAnswer.Done => (request.Next() with { Status = RequestStatus.Met, DueAt = null }, InterviewTexts.Met(request)),
            FollowUpAnswer.NotYet => (request.Next() with { Status = RequestStatus.Accepted, DueAt = now + options.Value.FollowUpAfter },
                $"No problem; I'll ask again in {options.Value.FollowUpAfter.TotalDays:0} days."),
            _ => (request.Next() with { Status = RequestStatus.FellThrough, DueAt = null },
                "Sorry it didn't work out. You're welcome to ask again any time with `/interview request`."),
        };
        if (!await store.TryUpdateRequestAsync(next, cancellationToken).ConfigureAwait(false))
        {
            return CommandResult.Fail("busy", "That request changed a moment ago; please check `/interview list` and try again.");
        }

        if (answer == FollowUpAnswer.Done)
        {
            // Both people's network log records the meeting; its follow-up nudges come from the network program.
            await network.RecordBothAsync(request.CommunityId, request.RequesterId, request.VolunteerId!,
                $"informational interview about {InterviewTexts.Topic(request)}", now, planned: false, cancellationToken).ConfigureAwait(false);
        }
        else if (answer == FollowUpAnswer.FellThrough)
        {
            await search.RetryWaitingAsync(request.CommunityId, cancellationToken).ConfigureAwait(false);
        }

        return CommandResult.Ok(reply);
    }

    private async Task<CommandResult> AcceptAsync(InterviewRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var offer = await store.GetOfferAsync(request.CommunityId, request.VolunteerId!, cancellationToken).ConfigureAwait(false);
        var requests = await store.ListRequestsAsync(request.CommunityId, cancellationToken).ConfigureAwait(false);
        if (offer is null || InterviewMatcher.SlotsLeft(offer, requests, now, except: request.RequestId) <= 0)
        {
            return CommandResult.Fail("at_capacity", "You've reached your interviews for this month, so I can't add this one. Decline it, or raise your limit with `/interview offer capacity:N` and accept again.");
        }

        var accepted = request.Next() with { Status = RequestStatus.Accepted, AcceptedAt = now, DueAt = now + options.Value.FollowUpAfter };
        if (!await store.TryUpdateRequestAsync(accepted, cancellationToken).ConfigureAwait(false))
        {
            return CommandResult.Fail("busy", "That request changed a moment ago; please check `/interview list` and try again.");
        }

        await IntroduceAsync(accepted, offer, cancellationToken).ConfigureAwait(false);
        var count = InterviewMatcher.AcceptedThisMonth(offer.UserId, [.. requests.Where(r => r.RequestId != request.RequestId), accepted], now);
        return CommandResult.Ok($"Thank you! I've introduced you to {InterviewTexts.Mention(request.RequesterId)}. That's {count} of {offer.MonthlyCapacity} interview{(offer.MonthlyCapacity == 1 ? "" : "s")} this month.");
    }

    private async Task<CommandResult> DeclineAsync(InterviewRequest request, CancellationToken cancellationToken)
    {
        var outcome = await search.SearchAsync(request, InterviewTexts.PreviousDeclined, cancellationToken).ConfigureAwait(false);
        if (outcome.Saved is null)
        {
            return CommandResult.Fail("busy", "That request changed a moment ago; nothing more is needed from you.");
        }

        if (outcome.RequesterText is { } text)
        {
            await search.TryDirectAsync(request.CommunityId, request.RequesterId, text, $"interview:{request.RequestId}:declined:{request.VolunteerId}", [], cancellationToken).ConfigureAwait(false);
        }

        return CommandResult.Ok("Thanks for letting me know. I'll ask someone else, and the member won't be told who you are.");
    }

    // Slack can hold one conversation with both; elsewhere each gets their own DM.
    private async Task IntroduceAsync(InterviewRequest request, InterviewOffer offer, CancellationToken cancellationToken)
    {
        var key = $"interview:{request.RequestId}:intro";
        if (messenger.SupportsGroups(request.CommunityId))
        {
            await messenger.SendAsync(OutboundMessage.ToGroup(request.CommunityId, [request.RequesterId, offer.UserId], InterviewTexts.IntroForGroup(request, offer), key), cancellationToken).ConfigureAwait(false);
            return;
        }

        await search.TryDirectAsync(request.CommunityId, request.RequesterId, InterviewTexts.IntroForRequester(request, offer), key + ":" + request.RequesterId, [], cancellationToken).ConfigureAwait(false);
        await search.TryDirectAsync(request.CommunityId, offer.UserId, InterviewTexts.IntroForVolunteer(request), key + ":" + offer.UserId, [], cancellationToken).ConfigureAwait(false);
    }
}
