using NetworkingBot.Core.Leases;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Testing.StoreContract;
using Xunit;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// The lease store contract against a real redis-server, a fresh key prefix per store. Redis keeps time itself
/// (PX expiry), so time passes for real here. Skipped with the reason without a server outside CI, like the other contract classes.
/// </summary>
[NeedsRedis]
public sealed class RedisLeaseStoreContractTests : LeaseStoreContractTests, IAsyncLifetime, IAsyncDisposable
{
    private readonly FreshStores _stores = new();

    protected override Task<ILeaseStore> CreateStoreAsync()
    {
        var connection = _stores.Connect();
        return Task.FromResult<ILeaseStore>(new RedisLeaseStore(new RedisDatabase(connection)));
    }

    protected override Task PassAsync(TimeSpan span) => Task.Delay(span);

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime on a test class, never IAsyncDisposable: without this the keys and connections stay.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
