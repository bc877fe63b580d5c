using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>The shared store contract, run against a fresh SQLite file per store.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();
    private int _count;

    protected override async Task<StoreSet> CreateStoresAsync()
    {
        var store = _database.Open($"contract-{Interlocked.Increment(ref _count)}.db");
        await store.InitializeAsync();
        return new StoreSet(store.Members, store.Programs, store.Rounds);
    }

    public void Dispose() => _database.Dispose();
}
