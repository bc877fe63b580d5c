namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Rounds, their deliveries and check-in answers. The claim and the delivery record are the two
/// operations that make a round happen once and be delivered once, so both must be atomic.
/// </summary>
public interface IRoundStore
{
    /// <summary>
    /// Inserts <paramref name="round"/> if no round of its community has its <see cref="Round.SlotKey"/>,
    /// giving it the next round number of the community. Returns the stored round when this call won the
    /// slot, or null when the slot was already claimed.
    /// </summary>
    Task<Round?> TryClaimAsync(Round round, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored status, groups, unmatched list and check-in time of an existing round.</summary>
    Task UpdateAsync(Round round, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a planned round (what <see cref="UpdateAsync"/> saves) and each member's <see cref="MemberRoundUpdate"/>
    /// in its community, all or nothing: a failure leaves the round as it was and every member untouched, so a
    /// resumed round plans again instead of delivering with half its bookkeeping missing. A member no longer stored
    /// (they left and were forgotten meanwhile) is skipped, never created. Throws when the round was never claimed.
    /// </summary>
    Task SavePlanAsync(Round round, IReadOnlyCollection<MemberRoundUpdate> members, CancellationToken cancellationToken = default);

    Task<Round?> GetAsync(string roundId, CancellationToken cancellationToken = default);

    Task<Round?> GetBySlotAsync(string communityId, string slotKey, CancellationToken cancellationToken = default);

    /// <summary>The newest rounds of a community first (by number), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Round>> ListAsync(string communityId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Rounds in any of the given states, across communities (used at start to resume work).</summary>
    Task<IReadOnlyList<Round>> ListByStatusAsync(IReadOnlyCollection<RoundStatus> statuses, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the message identified by <paramref name="deliveryKey"/> (e.g. "intro:alice") was sent for
    /// the round. Returns false when it was already recorded.
    /// </summary>
    Task<bool> TryRecordDeliveryAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<IReadOnlySet<string>> GetDeliveriesAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records, before the message identified by <paramref name="deliveryKey"/> is sent, that the round means to send
    /// it. Returns false when that intent was already recorded: an earlier attempt may have had the message accepted
    /// and then died (or failed to write) before <see cref="TryRecordDeliveryAsync"/>, so the caller asks the platform
    /// before sending again. Atomic like the delivery record: of concurrent callers exactly one gets true.
    /// </summary>
    Task<bool> TryRecordIntentAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Stores a check-in answer, replacing an earlier answer by the same member for the same round.</summary>
    Task SaveCheckInAsync(CheckInResponse response, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CheckInResponse>> GetCheckInsAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forget-me: removes the user from every group of every round of the community, their check-in
    /// answers, delivery records and intents. Returns how many rounds mentioned them.
    /// </summary>
    Task<int> ForgetUserAsync(string communityId, string userId, CancellationToken cancellationToken = default);
}
