using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>The job-lead store contract, run against a fresh SQLite file per store.</summary>
public sealed class SqliteJobLeadStoreContractTests : JobLeadStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();
    private int _count;

    protected override async Task<IJobLeadStore> CreateStoreAsync()
    {
        var path = _database.PathOf($"jobs-{Interlocked.Increment(ref _count)}.db");
        var store = new SqliteStore(new SqliteOptions { Path = path });
        await store.InitializeAsync();
        var jobs = new SqliteJobLeadStore(store);
        _opened.Add(store);
        return jobs;
    }

    private readonly List<SqliteStore> _opened = [];

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.ReleaseConnections();
        }

        _database.Dispose();
    }
}
