namespace NetworkingBot.Core.CoffeeChats;

/// <summary>Each community's coffee schedule (its rounds' day, time, zone, cadence), one per community; stored as "programs".</summary>
public interface ICoffeeScheduleStore
{
    Task<CoffeeSchedule?> GetAsync(string communityId, CancellationToken cancellationToken = default);

    /// <summary>Every configured program, for the scheduler at start.</summary>
    Task<IReadOnlyList<CoffeeSchedule>> ListAsync(CancellationToken cancellationToken = default);

    Task UpsertAsync(CoffeeSchedule program, CancellationToken cancellationToken = default);
}
