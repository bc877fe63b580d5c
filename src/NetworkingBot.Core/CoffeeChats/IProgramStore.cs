namespace NetworkingBot.Core.CoffeeChats;

/// <summary>Coffee-chat program settings, one per community.</summary>
public interface IProgramStore
{
    Task<CoffeeProgram?> GetAsync(string communityId, CancellationToken cancellationToken = default);

    /// <summary>Every configured program, for the scheduler at start.</summary>
    Task<IReadOnlyList<CoffeeProgram>> ListAsync(CancellationToken cancellationToken = default);

    Task UpsertAsync(CoffeeProgram program, CancellationToken cancellationToken = default);
}
