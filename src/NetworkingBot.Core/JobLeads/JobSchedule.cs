using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Leases;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// The job-leads work that time brings, computed from stored state so it can run every few minutes, late, or
/// twice without harm: open leads past their expiry are closed (their channel post edited to say so), members' daily
/// digests go out once their 09:00 has passed, and the board's weekly digest once its slot has passed.
/// </summary>
public sealed class JobSchedule(IJobLeadStore store, IMessenger messenger, JobLeadNotifier notifier, JobLeadPosts posts, CommunityLocks locks, ILogger<JobSchedule> logger)
{
    /// <summary>Does everything due at <paramref name="now"/>; returns how many messages went out.</summary>
    public async Task<int> ProcessDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var listed in await store.ListBoardsAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var hold = await locks.AcquireAsync("jobs:" + listed.CommunityId, cancellationToken).ConfigureAwait(false);

            // Everything under the lock runs on its token, so a lease lost while held stops the digests at once.
            // Read again under the lock: another instance may have posted the weekly digest (and moved the board's
            // last-digest time) while this one waited, and the listed copy would post it a second time.
            if (await store.GetBoardAsync(listed.CommunityId, hold.Token).ConfigureAwait(false) is not { } board)
            {
                continue;
            }

            var leads = await store.ListLeadsAsync(board.CommunityId, DateTimeOffset.MinValue, hold.Token).ConfigureAwait(false);
            sent += await ExpireAsync(board, leads, now, hold.Token).ConfigureAwait(false);
            var open = (await store.ListLeadsAsync(board.CommunityId, DateTimeOffset.MinValue, hold.Token).ConfigureAwait(false)).Where(l => l.IsOpen).ToList();
            sent += await DailyDigestsAsync(board, open, now, hold.Token).ConfigureAwait(false);
            sent += await WeeklyDigestAsync(board, open, now, hold.Token).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<int> ExpireAsync(JobBoard board, IReadOnlyList<JobLead> leads, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var lead in leads.Where(l => l.IsOpen && l.ExpiresAt <= now).OrderBy(l => l.Number))
        {
            // The post is marked first and the lead saved after, so a platform that is down now leaves the lead open
            // and the next sweep marks it; saved first, its post would stay unmarked for good.
            var expired = lead with { Status = JobLeadStatus.Expired, ClosedAt = now, ClosedBy = null };
            bool edited;
            try
            {
                edited = await posts.MarkClosedAsync(board, expired, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Job lead {LeadNumber} of {Community} is due to expire but its post could not be marked; trying again next sweep", lead.Number, board.CommunityId);
                continue;
            }

            await store.UpdateLeadAsync(expired, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Job lead {LeadNumber} of {Community} expired; post edited: {Edited}", lead.Number, board.CommunityId, edited);
            sent++;
        }

        return sent;
    }

    private async Task<int> DailyDigestsAsync(JobBoard board, IReadOnlyList<JobLead> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var subscription in await store.ListSubscriptionsAsync(board.CommunityId, JobLeadDelivery.Daily, cancellationToken).ConfigureAwait(false))
        {
            var slot = JobSlots.LatestDaily(RoundSchedule.Zone(subscription.TimeZone), now);
            if (subscription.LastDigestAt >= slot)
            {
                continue;
            }

            var matching = open.Where(l => l.SharedAt >= subscription.CreatedAt && l.SharedAt <= slot && JobLeadMatcher.IsMatch(l, subscription))
                .OrderBy(l => l.Number).ToList();
            sent += await notifier.SendDigestAsync(subscription, matching, slot, now, cancellationToken).ConfigureAwait(false) > 0 ? 1 : 0;
            await store.UpsertSubscriptionAsync(subscription with { LastDigestAt = slot }, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<int> WeeklyDigestAsync(JobBoard board, IReadOnlyList<JobLead> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (JobSlots.LatestWeekly(board, now) is not { } slot || board.LastWeeklyDigestAt >= slot)
        {
            return 0;
        }

        var week = open.Where(l => l.SharedAt > slot.AddDays(-7) && l.SharedAt <= slot).ToList();
        await store.UpsertBoardAsync(board with { LastWeeklyDigestAt = slot }, cancellationToken).ConfigureAwait(false);
        if (week.Count == 0)
        {
            return 0;
        }

        var text = $"This week's job leads ({week.Count} new, still open):\n{string.Join('\n', week.Select(JobTexts.Line))}\n`/job list` for all open leads, `/job subscribe` to get the ones that fit you.";
        await messenger.SendAsync(OutboundMessage.ToChannel(board.CommunityId, board.ChannelId, text, $"job:{board.CommunityId}:weekly:{slot.UtcDateTime:yyyyMMddHHmm}"), cancellationToken).ConfigureAwait(false);
        return 1;
    }
}
