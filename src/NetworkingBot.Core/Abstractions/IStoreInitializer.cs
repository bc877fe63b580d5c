namespace NetworkingBot.Core.Abstractions;

/// <summary>Prepares a store before first use (creates the file, applies migrations). Run once at start.</summary>
public interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
