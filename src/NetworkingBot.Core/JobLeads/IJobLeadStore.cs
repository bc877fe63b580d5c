namespace NetworkingBot.Core.JobLeads;

/// <summary>Job leads, their boards, subscriptions and delivery records. Every store passes the same contract suite.</summary>
public interface IJobLeadStore
{
    Task<JobBoard?> GetBoardAsync(string communityId, CancellationToken cancellationToken = default);

    /// <summary>Every configured board, for the scheduled digests and expiry.</summary>
    Task<IReadOnlyList<JobBoard>> ListBoardsAsync(CancellationToken cancellationToken = default);

    Task UpsertBoardAsync(JobBoard board, CancellationToken cancellationToken = default);

    /// <summary>Stores a new lead under the community's next number (1, 2, …) and returns it with that number.</summary>
    Task<JobLead> AddLeadAsync(JobLead lead, CancellationToken cancellationToken = default);

    /// <summary>Replaces the status, closing fields and <see cref="JobLead.PostRef"/> of an existing lead.</summary>
    Task UpdateLeadAsync(JobLead lead, CancellationToken cancellationToken = default);

    Task<JobLead?> GetLeadAsync(string communityId, int number, CancellationToken cancellationToken = default);

    /// <summary>The community's leads shared at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<JobLead>> ListLeadsAsync(string communityId, DateTimeOffset since, CancellationToken cancellationToken = default);

    Task<JobSubscription?> GetSubscriptionAsync(string communityId, string userId, CancellationToken cancellationToken = default);

    /// <summary>The community's subscriptions, ordered by user id.</summary>
    Task<IReadOnlyList<JobSubscription>> ListSubscriptionsAsync(string communityId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The community's subscriptions with the given delivery, ordered by user id: a share reads only the instant ones
    /// (daily ones are read by the digest sweep), which halves the read in a large community.
    /// </summary>
    Task<IReadOnlyList<JobSubscription>> ListSubscriptionsAsync(string communityId, JobLeadDelivery delivery, CancellationToken cancellationToken = default);

    Task UpsertSubscriptionAsync(JobSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Removes the subscription; false when there was none.</summary>
    Task<bool> DeleteSubscriptionAsync(string communityId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that lead <paramref name="number"/> was sent to the user (by DM or digest). False when it was
    /// already recorded: the one check that keeps a member from getting the same lead twice.
    /// </summary>
    Task<bool> TryRecordDeliveryAsync(string communityId, string userId, int number, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The lead numbers recorded as sent to the user.</summary>
    Task<IReadOnlySet<int>> GetDeliveriesAsync(string communityId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forget-me: deletes the user's subscription and delivery records and detaches them from the leads they
    /// shared (which stay, anonymous, because others may have applied). Returns how many records changed.
    /// </summary>
    Task<int> ForgetUserAsync(string communityId, string userId, CancellationToken cancellationToken = default);
}
