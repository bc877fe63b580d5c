using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// The timed steps of interview requests, driven by each request's stored due time: an unanswered ask moves
/// on, a waiting request is retried or closed, an accepted one gets "Did it happen?" (a met one's follow-ups
/// belong to the network log's nudges; a connect step stored by an earlier version is cleared without a message). Each step is one versioned save before any message, so a step fires once even if two runs overlap
/// or the bot restarts; a step missed while the bot was down runs at the next pass.
/// </summary>
public sealed class InterviewDueWork(
    IInterviewStore store,
    InterviewService search,
    InterviewGate gate,
    TimeProvider time,
    IOptions<InterviewOptions> options,
    ILogger<InterviewDueWork> logger) : IDueWork
{
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => store.NextDueAsync(cancellationToken);

    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.ListDueAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        foreach (var stale in due)
        {
            await using var held = await gate.AcquireAsync(stale.CommunityId, cancellationToken).ConfigureAwait(false);
            var request = await store.GetRequestAsync(stale.RequestId, held.Token).ConfigureAwait(false);
            if (request is null || request.Version != stale.Version)
            {
                continue; // answered or changed since it was listed: the new state decides
            }

            // On the lock's token: a lease lost while held stops the step before another instance repeats it.
            await StepAsync(request, held.Token).ConfigureAwait(false);
        }
    }

    private async Task StepAsync(InterviewRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (request.Status)
        {
            case RequestStatus.Asking:
                await TimeOutAsync(request, cancellationToken).ConfigureAwait(false);
                break;
            case RequestStatus.Waiting when request.WaitUntil is { } until && now >= until:
                if (await SaveAsync(request.Next() with { Status = RequestStatus.Expired, DueAt = null }, cancellationToken).ConfigureAwait(false))
                {
                    await DirectAsync(request, request.RequesterId, InterviewTexts.Expired(request, options.Value.KeepWaitingFor), "expired", [], cancellationToken).ConfigureAwait(false);
                }

                break;
            case RequestStatus.Waiting:
                var outcome = await search.SearchAsync(request, null, cancellationToken).ConfigureAwait(false);
                if (outcome.Saved is { Status: RequestStatus.Asking } asked && outcome.RequesterText is { } text)
                {
                    await DirectAsync(asked, request.RequesterId, "Good news: a volunteer may be free. " + text, $"retry:{asked.Version}", [], cancellationToken).ConfigureAwait(false);
                }

                break;
            case RequestStatus.Accepted:
                if (await SaveAsync(request.Next() with { Status = RequestStatus.FollowUpSent, DueAt = null }, cancellationToken).ConfigureAwait(false))
                {
                    await DirectAsync(request, request.RequesterId, InterviewTexts.FollowUp(request), $"followup:{request.Version}", InterviewTexts.FollowUpButtons(request.RequestId), cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                // A closed request keeps no due time; clear a stray one so it is not listed again.
                await SaveAsync(request.Next() with { DueAt = null }, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task TimeOutAsync(InterviewRequest request, CancellationToken cancellationToken)
    {
        var outcome = await search.SearchAsync(request, InterviewTexts.PreviousTimedOut(options.Value.AnswerWithin), cancellationToken).ConfigureAwait(false);
        if (outcome.Saved is null)
        {
            return;
        }

        logger.LogInformation("Interview request {RequestId}: no answer in time, moved on", request.RequestId);
        await DirectAsync(request, request.VolunteerId!, InterviewTexts.TooLateForVolunteer(request), $"late:{request.VolunteerId}", [], cancellationToken).ConfigureAwait(false);
        if (outcome.RequesterText is { } text)
        {
            await DirectAsync(request, request.RequesterId, text, $"timeout:{request.VolunteerId}", [], cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<bool> SaveAsync(InterviewRequest next, CancellationToken cancellationToken) => store.TryUpdateRequestAsync(next, cancellationToken);

    private Task<bool> DirectAsync(InterviewRequest request, string userId, string text, string step, Commands.ButtonSpec[] buttons, CancellationToken cancellationToken) =>
        search.TryDirectAsync(request.CommunityId, userId, text, $"interview:{request.RequestId}:{step}", buttons, cancellationToken);
}
