using NetworkingBot.Core.Interviews;

namespace NetworkingBot.Hosting;

/// <summary>How much <see cref="InterviewCopy"/> copied.</summary>
public sealed record InterviewCopyCounts(int Offers, int Requests, int NetworkEntries);

/// <summary>
/// Copies interview offers, requests (with their versions and due steps) and network logs through the store
/// ports. Like <see cref="StoreCopy"/>, it is meant for an empty target, which <see cref="TargetHoldsDataAsync"/> checks.
/// </summary>
public sealed class InterviewCopy(IInterviewStore from, IInterviewStore to)
{
    public async Task<bool> TargetHoldsDataAsync(MigrateSource source, CancellationToken cancellationToken)
    {
        foreach (var community in source.Communities)
        {
            if ((await to.ListOffersAsync(community, cancellationToken).ConfigureAwait(false)).Count > 0
                || (await to.ListRequestsAsync(community, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return true;
            }
        }

        foreach (var (community, user) in source.NetworkOwners)
        {
            if ((await to.ListNetworkAsync(community, user, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<InterviewCopyCounts> CopyAsync(MigrateSource source, CancellationToken cancellationToken)
    {
        int offers = 0, requests = 0, entries = 0;
        foreach (var community in source.Communities)
        {
            foreach (var offer in await from.ListOffersAsync(community, cancellationToken).ConfigureAwait(false))
            {
                await to.UpsertOfferAsync(offer, cancellationToken).ConfigureAwait(false);
                offers++;
            }

            foreach (var request in await from.ListRequestsAsync(community, cancellationToken).ConfigureAwait(false))
            {
                // Insert-if-absent: a request already there is left as it is, never overwritten.
                requests += await to.AddRequestAsync(request, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        foreach (var (community, user) in source.NetworkOwners)
        {
            foreach (var entry in await from.ListNetworkAsync(community, user, cancellationToken).ConfigureAwait(false))
            {
                await to.AddNetworkEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                entries++;
            }
        }

        return new InterviewCopyCounts(offers, requests, entries);
    }
}
