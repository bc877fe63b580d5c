using NetworkingBot.Core.Abstractions;
using NetworkingBot.Testing.StoreContract;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>The DM channel store contract, run against a fresh SQLite file per store (table from migration 0009).</summary>
public sealed class SqliteDmChannelStoreContractTests : DmChannelStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();
    private int _count;

    protected override async Task<IDmChannelStore> CreateStoreAsync()
    {
        var file = $"dm-{Interlocked.Increment(ref _count)}.db";
        var store = _database.Open(file);
        await store.InitializeAsync();
        return new SqliteDmChannelStore(store);
    }

    public void Dispose() => _database.Dispose();
}
