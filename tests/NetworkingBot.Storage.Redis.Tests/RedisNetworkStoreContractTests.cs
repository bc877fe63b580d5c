using NetworkingBot.Core.Network;
using NetworkingBot.Testing.StoreContract;
using Xunit;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// The network store contract against a real redis-server, a fresh key prefix per store; skipped with the reason
/// without a server outside CI, like <see cref="RedisStoreContractTests"/>.
/// </summary>
[NeedsRedis]
public sealed class RedisNetworkStoreContractTests : NetworkStoreContractTests, IAsyncLifetime, IAsyncDisposable
{
    private readonly FreshStores _stores = new();

    protected override async Task<INetworkStore> CreateStoreAsync() => (await _stores.CreateAsync()).Network;

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime on a test class, never IAsyncDisposable: without this the keys and connections stay.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
