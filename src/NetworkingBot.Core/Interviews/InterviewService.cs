using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Core.Interviews;

/// <summary>What a search did: the saved request (null when another process changed it first) and what to tell the requester.</summary>
public sealed record SearchOutcome(InterviewRequest? Saved, string? RequesterText);

/// <summary>
/// Finds the next volunteer for a request and asks them, or parks the request on the waiting list; retries the
/// waiting list when a slot frees. Callers hold the community's <see cref="InterviewGate"/>.
/// </summary>
public sealed class InterviewService(
    IInterviewStore store,
    IMessenger messenger,
    TimeProvider time,
    IOptions<InterviewOptions> options,
    ILogger<InterviewService> logger)
{
    private InterviewOptions Settings => options.Value;

    /// <summary>
    /// Asks the best remaining candidate, or (none left, or this search has asked enough) waits until the next
    /// month's slots or the end of the waiting period. <paramref name="previous"/> explains the step before.
    /// </summary>
    public async Task<SearchOutcome> SearchAsync(InterviewRequest request, string? previous, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var offers = await store.ListOffersAsync(request.CommunityId, cancellationToken).ConfigureAwait(false);
        var requests = await store.ListRequestsAsync(request.CommunityId, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var ranked = request.AskedThisSearch < Settings.MaxCandidates ? InterviewMatcher.Rank(request, offers, requests, now) : [];
            var candidate = ranked.Count > 0 ? ranked[0] : null;
            if (candidate is null)
            {
                return await WaitAsync(request, previous, now, cancellationToken).ConfigureAwait(false);
            }

            var asking = request.Next() with
            {
                Status = RequestStatus.Asking,
                VolunteerId = candidate.Offer.UserId,
                Asked = [.. request.Asked, candidate.Offer.UserId],
                AskedThisSearch = request.AskedThisSearch + 1,
                MatchReason = candidate.Why,
                DueAt = now + Settings.AnswerWithin,
            };
            if (!await store.TryUpdateRequestAsync(asking, cancellationToken).ConfigureAwait(false))
            {
                return new SearchOutcome(null, null);
            }

            var text = InterviewTexts.AskVolunteer(asking, candidate.Why, Settings.AnswerWithin);
            if (await TryDirectAsync(asking.CommunityId, candidate.Offer.UserId, text, $"interview:{asking.RequestId}:ask:{candidate.Offer.UserId}",
                    InterviewTexts.AskButtons(asking.RequestId), cancellationToken).ConfigureAwait(false))
            {
                logger.LogInformation("Interview request {RequestId} asked a volunteer ({Attempt})", asking.RequestId, asking.AskedThisSearch);
                return new SearchOutcome(asking, InterviewTexts.Asked(asking, candidate.Why, previous, Settings.AnswerWithin));
            }

            // Closed DMs: this volunteer cannot be asked, so the next one is, as if they had declined.
            request = asking;
        }
    }

    /// <summary>Gives every waiting request of the community another search, oldest first; tells those who got a volunteer asked.</summary>
    public async Task RetryWaitingAsync(string communityId, CancellationToken cancellationToken)
    {
        var waiting = (await store.ListRequestsAsync(communityId, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status == RequestStatus.Waiting)
            .ToList();
        foreach (var request in waiting)
        {
            var outcome = await SearchAsync(request, null, cancellationToken).ConfigureAwait(false);
            if (outcome.Saved is { Status: RequestStatus.Asking } && outcome.RequesterText is { } text)
            {
                await TryDirectAsync(communityId, request.RequesterId, "Good news: a volunteer may be free. " + text, $"interview:{request.RequestId}:retry:{outcome.Saved.Version}", [], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends a DM; a recipient with closed DMs is logged and reported as false, never thrown.</summary>
    public async Task<bool> TryDirectAsync(string communityId, string userId, string text, string dedupKey, Commands.ButtonSpec[] buttons, CancellationToken cancellationToken)
    {
        try
        {
            await messenger.SendAsync(OutboundMessage.ToUser(communityId, userId, text, dedupKey, buttons), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RecipientUnreachableException)
        {
            logger.LogInformation("Interview DM {DedupKey} not delivered: direct messages closed", dedupKey);
            return false;
        }
    }

    private async Task<SearchOutcome> WaitAsync(InterviewRequest request, string? previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tell = request.Status != RequestStatus.Waiting || request.WaitUntil is null;
        var until = request.WaitUntil ?? now + Settings.KeepWaitingFor;
        var nextMonth = InterviewMatcher.NextMonthStart(now);
        var waiting = request.Next() with
        {
            Status = RequestStatus.Waiting,
            VolunteerId = null,
            AskedThisSearch = 0,
            MatchReason = null,
            WaitUntil = until,
            DueAt = nextMonth < until ? nextMonth : until,
        };
        if (!await store.TryUpdateRequestAsync(waiting, cancellationToken).ConfigureAwait(false))
        {
            return new SearchOutcome(null, null);
        }

        return new SearchOutcome(waiting, tell ? InterviewTexts.NobodyAvailable(waiting, previous, Settings.KeepWaitingFor, request.WaitUntil is null) : null);
    }
}
