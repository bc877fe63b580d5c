using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Leases;
using NetworkingBot.Testing.StoreContract;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

public sealed class SqliteServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task AddSqliteStore_puts_the_one_store_behind_each_port_through_the_files_health_guard()
    {
        await using var provider = new ServiceCollection()
            .AddSqliteStore(o => o.Path = _database.PathOf())
            .BuildServiceProvider(validateScopes: true);

        var store = provider.GetRequiredService<SqliteStore>();
        await store.InitializeAsync();

        // Each port is the store behind SqliteGuard: what one writes the store reads.
        await provider.GetRequiredService<ICoffeeScheduleStore>().UpsertAsync(StoreSamples.Program("c1"));
        await provider.GetRequiredService<IMemberStore>().UpsertAsync(StoreSamples.Member("c1", "ana"));
        Assert.NotNull(await store.Programs.GetAsync("c1"));
        Assert.Equal(["ana"], (await store.Members.ListAsync("c1")).Select(m => m.UserId));
        Assert.NotSame(store.Rounds, provider.GetRequiredService<IRoundStore>());
        Assert.Same(provider.GetRequiredService<IRoundStore>(), provider.GetRequiredService<IRoundStore>());
        Assert.Equal(_database.PathOf(), store.DatabasePath);
        store.ReleaseConnections();
    }

    [Fact]
    public async Task The_guarded_lease_port_still_reclaims_a_stale_lease_of_its_own_instance()
    {
        await using var provider = new ServiceCollection()
            .AddSqliteStore(o => o.Path = _database.PathOf())
            .BuildServiceProvider(validateScopes: true);
        var leases = provider.GetRequiredService<ILeaseStore>();

        // TryReclaimAsync has a default body in the port (acquire only); the guard must reach the store's own.
        Assert.True(await leases.TryAcquireAsync("lock:c1", "bot-1|dead", TimeSpan.FromMinutes(1)));
        Assert.True(await leases.TryReclaimAsync("lock:c1", "bot-1|new", "bot-1|", TimeSpan.FromMinutes(1)));
        Assert.False(await leases.RenewAsync("lock:c1", "bot-1|dead", TimeSpan.FromMinutes(1)));
        provider.GetRequiredService<SqliteStore>().ReleaseConnections();
    }

    public void Dispose() => _database.Dispose();
}
