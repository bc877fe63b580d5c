using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Privacy;

namespace NetworkingBot.Core.JobLeads;

/// <summary>Job leads' part of export-me and forget-me: the member's subscription, the leads they shared and what they were sent.</summary>
public sealed class JobPersonalData(IJobLeadStore store, JobLeadPosts posts, ILogger<JobPersonalData> logger) : IPersonalDataSource
{
    public string Name => "jobLeads";

    public async Task<object?> ExportAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        var subscription = await store.GetSubscriptionAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        var shared = (await store.ListLeadsAsync(communityId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false))
            .Where(l => l.SharerId == userId)
            .Select(l => new { number = l.Number, title = l.Title, employer = l.Employer, sharedAt = l.SharedAt, anonymous = l.Anonymous, status = l.Status.ToString() })
            .ToList();
        var received = (await store.GetDeliveriesAsync(communityId, userId, cancellationToken).ConfigureAwait(false)).Order().ToList();
        return subscription is null && shared.Count == 0 && received.Count == 0
            ? null
            : new { subscription, sharedLeads = shared, leadsSentToYou = received };
    }

    /// <summary>
    /// Deletes and detaches the member's job data, then redraws the channel posts of the leads they shared, which
    /// named them, so the channel says "Shared anonymously" too. A post that cannot be redrawn does not undo the forget.
    /// </summary>
    public async Task<int> ForgetAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        var shared = (await store.ListLeadsAsync(communityId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false))
            .Where(l => l.SharerId == userId && !l.Anonymous && l.PostRef is not null)
            .Select(l => l.Number)
            .Order()
            .ToList();
        var changed = await store.ForgetUserAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        if (shared.Count > 0 && await store.GetBoardAsync(communityId, cancellationToken).ConfigureAwait(false) is { } board)
        {
            foreach (var number in shared)
            {
                try
                {
                    if (await store.GetLeadAsync(communityId, number, cancellationToken).ConfigureAwait(false) is { } lead)
                    {
                        await posts.RedrawAsync(board, lead, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Forget-me: the post of job lead {LeadNumber} of {Community} still names the member; it could not be redrawn", number, communityId);
                }
            }
        }

        return changed;
    }
}
