using NetworkingBot.Core.Privacy;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// Interviews' part of export-me and forget-me: the offer, the member's requests, the requests they accepted as
/// a volunteer, and their network log. Forgetting a volunteer moves a pending ask on to the next candidate and
/// leaves the requester's own record with the volunteer's id removed.
/// </summary>
public sealed class InterviewPersonalData(IInterviewStore store, InterviewService search, InterviewGate gate) : IPersonalDataSource
{
    public const string Forgotten = "forgotten";

    public string Name => "interviews";

    public async Task<object?> ExportAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        var offer = await store.GetOfferAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        var requests = await store.ListRequestsAsync(communityId, cancellationToken).ConfigureAwait(false);
        var network = await store.ListNetworkAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        var mine = requests.Where(r => r.RequesterId == userId).Select(r => new
        {
            id = r.RequestId, r.Specialties, r.Learn, status = r.Status.ToString(), r.CreatedAt,
            volunteer = r.AcceptedAt is null ? null : r.VolunteerId, r.AcceptedAt,
        }).ToList();
        var accepted = requests.Where(r => r.AcceptedBy(userId)).Select(r => new { id = r.RequestId, requester = r.RequesterId, r.Specialties, r.AcceptedAt }).ToList();
        if (offer is null && mine.Count == 0 && accepted.Count == 0 && network.Count == 0)
        {
            return null;
        }

        return new { offer, requests = mine, acceptedAsVolunteer = accepted, network };
    }

    public async Task<int> ForgetAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        await using var held = await gate.AcquireAsync(communityId, cancellationToken).ConfigureAwait(false);
        var removed = await store.DeleteOfferAsync(communityId, userId, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        removed += await store.DeleteNetworkAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        foreach (var request in await store.ListRequestsAsync(communityId, cancellationToken).ConfigureAwait(false))
        {
            if (request.RequesterId == userId)
            {
                removed += await store.DeleteRequestAsync(request.RequestId, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
            else if (request.Asked.Contains(userId))
            {
                removed += await ScrubVolunteerAsync(request, userId, cancellationToken).ConfigureAwait(false);
            }
        }

        return removed;
    }

    private async Task<int> ScrubVolunteerAsync(InterviewRequest request, string userId, CancellationToken cancellationToken)
    {
        if (request.Status == RequestStatus.Asking && request.VolunteerId == userId)
        {
            // The pending ask goes to the next candidate now rather than waiting out the timeout.
            var outcome = await search.SearchAsync(request, "The volunteer I asked is no longer available.", cancellationToken).ConfigureAwait(false);
            if (outcome.RequesterText is { } text)
            {
                await search.TryDirectAsync(request.CommunityId, request.RequesterId, text, $"interview:{request.RequestId}:forgotten", [], cancellationToken).ConfigureAwait(false);
            }

            request = await store.GetRequestAsync(request.RequestId, cancellationToken).ConfigureAwait(false) ?? request;
        }

        var status = request.VolunteerId == userId && request.Status is RequestStatus.Accepted or RequestStatus.FollowUpSent ? RequestStatus.Cancelled : request.Status;
        var scrubbed = request.Next() with
        {
            Asked = request.Asked.Select(a => a == userId ? Forgotten : a).ToList(),
            VolunteerId = request.VolunteerId == userId ? Forgotten : request.VolunteerId,
            Status = status,
            DueAt = request.VolunteerId == userId && status != RequestStatus.Asking ? null : request.DueAt,
        };
        return await store.TryUpdateRequestAsync(scrubbed, cancellationToken).ConfigureAwait(false) ? 1 : 0;
    }
}
