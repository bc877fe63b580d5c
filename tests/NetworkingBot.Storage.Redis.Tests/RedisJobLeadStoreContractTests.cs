using NetworkingBot.Core.Abstractions;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// The job-lead store contract against a real redis-server, a fresh key prefix per store; left out of the build
/// without a server outside CI, like <see cref="RedisStoreContractTests"/>.
/// </summary>
public sealed class RedisJobLeadStoreContractTests : JobLeadStoreContractTests, IAsyncDisposable
{
    private readonly FreshStores _stores = new();

    protected override async Task<IJobLeadStore> CreateStoreAsync() => (await _stores.CreateAsync()).JobLeads;

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
