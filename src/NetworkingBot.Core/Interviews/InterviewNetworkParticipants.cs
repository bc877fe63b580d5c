using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// Interviews' share of the follow-up program's directory: a volunteer with an offer (not stopped) or a member with a
/// request here is opted in, so the people an interview brought together get its follow-up nudges.
/// </summary>
public sealed class InterviewNetworkParticipants(IInterviewStore store) : INetworkParticipants
{
    public async Task<NetworkPerson?> FindAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        if (await store.GetOfferAsync(communityId, userId, cancellationToken).ConfigureAwait(false) is { Status: not OfferStatus.Stopped } offer)
        {
            var line = offer.Institution is { Length: > 0 } at ? $"{offer.Role}, {at}" : offer.Role;
            return new NetworkPerson(userId, MemberText.Clean(offer.DisplayName), offer.TimeZone ?? "UTC", offer.Specialties, MemberText.Clean(line));
        }

        var request = (await store.ListRequestsAsync(communityId, cancellationToken).ConfigureAwait(false)).LastOrDefault(r => r.RequesterId == userId);
        return request is null ? null
            : new NetworkPerson(userId, MemberText.Clean(request.RequesterName), request.TimeZone ?? "UTC", request.Specialties, "interested in " + string.Join(", ", request.Specialties));
    }
}
