using NetworkingBot.Core.Abstractions;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>The lease store contract, run against a fresh SQLite file per store, with the suite's fake clock.</summary>
public sealed class SqliteLeaseStoreContractTests : LeaseStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();
    private int _count;

    protected override async Task<ILeaseStore> CreateStoreAsync()
    {
        var file = $"leases-{Interlocked.Increment(ref _count)}.db";
        var store = _database.Open(file);
        await store.InitializeAsync();
        return new SqliteLeaseStore(store, new SqliteOptions { Path = _database.PathOf(file) }, Clock);
    }

    public void Dispose() => _database.Dispose();
}
