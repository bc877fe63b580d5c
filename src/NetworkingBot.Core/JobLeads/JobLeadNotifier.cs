using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// Sends leads to the members who asked for them. Each (member, lead) pair is recorded in the store before the
/// DM goes out, so no path (instant, digest, a retry, a second instance) sends a lead to someone twice; the
/// price is that a DM lost to a crash between the record and the send is not retried.
/// </summary>
public sealed class JobLeadNotifier(IJobLeadStore store, IMessenger messenger, ILogger<JobLeadNotifier> logger)
{
    /// <summary>Instant DMs for a newly shared lead; returns how many members were told.</summary>
    public async Task<int> NotifyInstantAsync(JobLead lead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscriptions = await store.ListSubscriptionsAsync(lead.CommunityId, JobLeadDelivery.Instant, cancellationToken).ConfigureAwait(false);
        var told = 0;
        foreach (var subscription in JobLeadMatcher.Matches(lead, subscriptions.Where(s => s.CreatedAt <= lead.SharedAt)))
        {
            if (!await store.TryRecordDeliveryAsync(lead.CommunityId, subscription.UserId, lead.Number, now, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var message = OutboundMessage.ToUser(lead.CommunityId, subscription.UserId, JobTexts.Instant(lead), $"job:{lead.CommunityId}:{lead.Number}:dm:{subscription.UserId}");
            told += await TrySendAsync(message, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return told;
    }

    /// <summary>
    /// Claims every lead in <paramref name="leads"/> not yet sent to the member and DMs them as one digest.
    /// Returns how many leads were in it (0: nothing new, nothing sent).
    /// </summary>
    public async Task<int> SendDigestAsync(JobSubscription subscription, IReadOnlyList<JobLead> leads, DateTimeOffset slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = new List<JobLead>();
        foreach (var lead in leads)
        {
            if (await store.TryRecordDeliveryAsync(subscription.CommunityId, subscription.UserId, lead.Number, now, cancellationToken).ConfigureAwait(false))
            {
                fresh.Add(lead);
            }
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        var text = $"Your daily job leads ({fresh.Count} new):\n{string.Join('\n', fresh.Select(JobTexts.Line))}\n`/job list` shows all open leads; `/job unsubscribe` stops these.";
        var key = $"job:{subscription.CommunityId}:digest:{subscription.UserId}:{slot.UtcDateTime:yyyyMMddHHmm}";
        await TrySendAsync(OutboundMessage.ToUser(subscription.CommunityId, subscription.UserId, text, key), cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }

    private async Task<bool> TrySendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await messenger.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RecipientUnreachableException ex)
        {
            // Closed DMs are the member's choice, not a fault: note it and carry on with the others.
            logger.LogInformation("Job lead DM to {UserId} not delivered: {Reason}", message.UserId, ex.Reason);
            return false;
        }
    }
}
