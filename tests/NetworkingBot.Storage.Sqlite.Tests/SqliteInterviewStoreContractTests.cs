using NetworkingBot.Core.Interviews;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>The interview store contract, run against a fresh SQLite file per store.</summary>
public sealed class SqliteInterviewStoreContractTests : InterviewStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();
    private int _count;

    protected override async Task<IInterviewStore> CreateStoreAsync()
    {
        var store = _database.Open($"interviews-{Interlocked.Increment(ref _count)}.db");
        await store.InitializeAsync();
        return store.Interviews;
    }

    public void Dispose() => _database.Dispose();
}
