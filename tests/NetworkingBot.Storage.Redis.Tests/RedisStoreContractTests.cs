using NetworkingBot.Testing.StoreContract;
using Xunit;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// The shared store contract against a real redis-server, a fresh key prefix per store. The inherited
/// [Fact]s cannot be turned into <see cref="RedisFactAttribute"/>s, so the class is marked
/// <see cref="NeedsRedisAttribute"/> and <see cref="RedisTestFramework"/> reports each of them skipped without a server outside CI.
/// </summary>
[NeedsRedis]
public sealed class RedisStoreContractTests : StoreContractTests, IAsyncLifetime, IAsyncDisposable
{
    private readonly FreshStores _stores = new();

    protected override async Task<StoreSet> CreateStoresAsync()
    {
        var store = await _stores.CreateAsync();
        return new StoreSet(store.Members, store.Programs, store.Rounds);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime on a test class, never IAsyncDisposable: without this the keys and connections stay.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
