using NetworkingBot.Core.Leases;
using NetworkingBot.Testing.StoreContract;
using Xunit;

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
        return new SqliteLeaseStore(store, Clock);
    }

    [Fact]
    public async Task A_lease_left_by_a_clock_far_ahead_does_not_block_a_clock_behind_it()
    {
        var store = _database.Open("shared.db");
        await store.InitializeAsync();
        var shell = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Clock.GetUtcNow().AddDays(30));
        var ahead = new SqliteLeaseStore(store, shell);
        var now = new SqliteLeaseStore(store, Clock);
        var ttl = TimeSpan.FromSeconds(45);
        Assert.True(await ahead.TryAcquireAsync("lock:c", "shell", ttl));

        Assert.True(await now.TryAcquireAsync("lock:c", "bot", ttl));
        Assert.False(await now.TryAcquireAsync("lock:c", "other", ttl));
    }

    public void Dispose() => _database.Dispose();
}
