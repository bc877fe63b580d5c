using NetworkingBot.Core.Abstractions;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Testing.StoreContract;
using Xunit;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>The DM channel store contract against a real redis-server, a fresh key prefix per store.</summary>
[NeedsRedis]
public sealed class RedisDmChannelStoreContractTests : DmChannelStoreContractTests, IAsyncLifetime, IAsyncDisposable
{
    private readonly FreshStores _stores = new();

    protected override Task<IDmChannelStore> CreateStoreAsync() =>
        Task.FromResult<IDmChannelStore>(new RedisDmChannelStore(new RedisDatabase(_stores.Connect())));

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime on a test class, never IAsyncDisposable: without this the keys and connections stay.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
