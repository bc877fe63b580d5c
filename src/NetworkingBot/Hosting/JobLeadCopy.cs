using NetworkingBot.Core.JobLeads;

namespace NetworkingBot.Hosting;

/// <summary>How much <see cref="JobLeadCopy"/> copied.</summary>
public sealed record JobLeadCopyCounts(int Boards, int Leads, int Subscriptions, int Deliveries);

/// <summary>
/// Copies job boards, leads (keeping their numbers: they are added in number order to an empty target),
/// subscriptions and delivery records through the store ports. <see cref="TargetHoldsDataAsync"/> checks the
/// target is empty: a lead added twice would get a second number, so a re-run must not start.
/// </summary>
public sealed class JobLeadCopy(IJobLeadStore from, IJobLeadStore to)
{
    public async Task<bool> TargetHoldsDataAsync(MigrateSource source, CancellationToken cancellationToken)
    {
        if ((await to.ListBoardsAsync(cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return true;
        }

        foreach (var community in source.Communities)
        {
            if ((await to.ListLeadsAsync(community, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false)).Count > 0
                || (await to.ListSubscriptionsAsync(community, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return true;
            }
        }

        foreach (var (community, user) in source.DeliveryRecipients)
        {
            if ((await to.GetDeliveriesAsync(community, user, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<JobLeadCopyCounts> CopyAsync(MigrateSource source, CancellationToken cancellationToken)
    {
        var boards = await from.ListBoardsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var board in boards)
        {
            await to.UpsertBoardAsync(board, cancellationToken).ConfigureAwait(false);
        }

        int leads = 0, subscriptions = 0, deliveries = 0;
        foreach (var community in source.Communities)
        {
            foreach (var lead in (await from.ListLeadsAsync(community, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false)).OrderBy(l => l.Number))
            {
                var added = await to.AddLeadAsync(lead, cancellationToken).ConfigureAwait(false);
                if (added.Number != lead.Number)
                {
                    throw new InvalidOperationException($"Job lead #{lead.Number} of {community} would become #{added.Number}; the copy stopped.");
                }

                // The port's add need not keep the post reference (SQLite's does not); the update sets it, with
                // the status and closing fields, whatever the target.
                await to.UpdateLeadAsync(lead, cancellationToken).ConfigureAwait(false);
                leads++;
            }

            foreach (var subscription in await from.ListSubscriptionsAsync(community, cancellationToken).ConfigureAwait(false))
            {
                await to.UpsertSubscriptionAsync(subscription, cancellationToken).ConfigureAwait(false);
                subscriptions++;
            }
        }

        foreach (var (community, user) in source.DeliveryRecipients)
        {
            foreach (var number in (await from.GetDeliveriesAsync(community, user, cancellationToken).ConfigureAwait(false)).Order())
            {
                // The source's send time is not readable through the port; the copy's time marks when it arrived.
                deliveries += await to.TryRecordDeliveryAsync(community, user, number, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        return new JobLeadCopyCounts(boards.Count, leads, subscriptions, deliveries);
    }
}
