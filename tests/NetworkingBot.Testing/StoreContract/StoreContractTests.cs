namespace NetworkingBot.Testing.StoreContract;

/// <summary>
/// The behaviour every store (SQLite, Redis, ...) promises through the ports in Core.Abstractions. A store's
/// test project derives from this class and supplies fresh, empty stores; nothing here knows how they persist.
/// The tests are split by port across the partial files.
/// </summary>
public abstract partial class StoreContractTests
{
    /// <summary>Returns the three ports of a new, empty store. Called once or more per test.</summary>
    protected abstract Task<StoreSet> CreateStoresAsync();
}
