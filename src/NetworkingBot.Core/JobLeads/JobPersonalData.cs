using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Privacy;

namespace NetworkingBot.Core.JobLeads;

/// <summary>Job leads' part of export-me and forget-me: the member's subscription, the leads they shared and what they were sent.</summary>
public sealed class JobPersonalData(IJobLeadStore store) : IPersonalDataSource
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

    public Task<int> ForgetAsync(string communityId, string userId, CancellationToken cancellationToken) =>
        store.ForgetUserAsync(communityId, userId, cancellationToken);
}
