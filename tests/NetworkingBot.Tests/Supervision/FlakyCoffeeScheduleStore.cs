using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Tests.Supervision;

/// <summary>A program store whose next <see cref="FailReads"/> reads fail, as a store that is briefly unreachable would.</summary>
internal sealed class FlakyCoffeeScheduleStore(ICoffeeScheduleStore inner) : ICoffeeScheduleStore
{
    private int _failReads;
    private int _reads;

    public int FailReads
    {
        get => Volatile.Read(ref _failReads);
        set => Volatile.Write(ref _failReads, value);
    }

    /// <summary>Reads that succeeded.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public Task<CoffeeSchedule?> GetAsync(string communityId, CancellationToken cancellationToken = default)
    {
        Read();
        return inner.GetAsync(communityId, cancellationToken);
    }

    public Task<IReadOnlyList<CoffeeSchedule>> ListAsync(CancellationToken cancellationToken = default)
    {
        Read();
        return inner.ListAsync(cancellationToken);
    }

    public Task UpsertAsync(CoffeeSchedule program, CancellationToken cancellationToken = default) => inner.UpsertAsync(program, cancellationToken);

    private void Read()
    {
        if (Interlocked.Decrement(ref _failReads) >= 0)
        {
            throw new InvalidOperationException("the store is unreachable");
        }

        Interlocked.Exchange(ref _failReads, 0);
        Interlocked.Increment(ref _reads);
    }
}
