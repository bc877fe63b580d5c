using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// A round store whose delivery-record writes and plan saves fail on demand, like a store that drops its connection for a moment
/// (not a crash: the process lives on). Everything else goes to <paramref name="inner"/>.
/// </summary>
public sealed class FailingRoundStore(IRoundStore inner) : IRoundStore
{
    private readonly Lock _gate = new();
    private int _failuresLeft;
    private Func<string, bool> _which = _ => true;

    private int _planSavesToFail;

    /// <summary>How many record writes threw.</summary>
    public int FailedWrites { get; private set; }

    /// <summary>How many plan saves threw.</summary>
    public int FailedPlanSaves { get; private set; }

    /// <summary>The next <paramref name="count"/> plan saves throw, like a disk that fills up during the write.</summary>
    public void FailPlanSaves(int count)
    {
        lock (_gate)
        {
            _planSavesToFail = count;
        }
    }

    public Task SavePlanAsync(Round round, IReadOnlyCollection<MemberRoundUpdate> members, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_planSavesToFail > 0)
            {
                _planSavesToFail--;
                FailedPlanSaves++;
                throw new IOException($"Disk full saving the plan of {round.RoundId} (test).");
            }
        }

        return inner.SavePlanAsync(round, members, cancellationToken);
    }

    /// <summary>The next <paramref name="count"/> delivery-record writes whose key matches <paramref name="which"/> throw.</summary>
    public void FailDeliveryRecords(int count, Func<string, bool>? which = null)
    {
        lock (_gate)
        {
            _failuresLeft = count;
            _which = which ?? (_ => true);
        }
    }

    public Task<bool> TryRecordDeliveryAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_failuresLeft > 0 && _which(deliveryKey))
            {
                _failuresLeft--;
                FailedWrites++;
                throw new TimeoutException($"The store did not answer writing {deliveryKey} (test).");
            }
        }

        return inner.TryRecordDeliveryAsync(roundId, deliveryKey, at, cancellationToken);
    }

    public Task<bool> TryRecordIntentAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.TryRecordIntentAsync(roundId, deliveryKey, at, cancellationToken);

    public Task<Round?> TryClaimAsync(Round round, CancellationToken cancellationToken = default) => inner.TryClaimAsync(round, cancellationToken);

    public Task UpdateAsync(Round round, CancellationToken cancellationToken = default) => inner.UpdateAsync(round, cancellationToken);

    public Task<Round?> GetAsync(string roundId, CancellationToken cancellationToken = default) => inner.GetAsync(roundId, cancellationToken);

    public Task<Round?> GetBySlotAsync(string communityId, string slotKey, CancellationToken cancellationToken = default) =>
        inner.GetBySlotAsync(communityId, slotKey, cancellationToken);

    public Task<IReadOnlyList<Round>> ListAsync(string communityId, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(communityId, limit, cancellationToken);

    public Task<IReadOnlyList<Round>> ListByStatusAsync(IReadOnlyCollection<RoundStatus> statuses, CancellationToken cancellationToken = default) =>
        inner.ListByStatusAsync(statuses, cancellationToken);

    public Task<IReadOnlySet<string>> GetDeliveriesAsync(string roundId, CancellationToken cancellationToken = default) =>
        inner.GetDeliveriesAsync(roundId, cancellationToken);

    public Task SaveCheckInAsync(CheckInResponse response, CancellationToken cancellationToken = default) => inner.SaveCheckInAsync(response, cancellationToken);

    public Task<IReadOnlyList<CheckInResponse>> GetCheckInsAsync(string roundId, CancellationToken cancellationToken = default) =>
        inner.GetCheckInsAsync(roundId, cancellationToken);

    public Task<int> ForgetUserAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        inner.ForgetUserAsync(communityId, userId, cancellationToken);
}
