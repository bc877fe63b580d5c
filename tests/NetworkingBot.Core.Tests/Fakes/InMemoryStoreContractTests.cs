using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Core.Tests.Fakes;

/// <summary>The fake the core tests lean on keeps the same promises as the real stores.</summary>
public sealed class InMemoryStoreContractTests : StoreContractTests
{
    protected override Task<StoreSet> CreateStoresAsync()
    {
        var store = new InMemoryStore();
        return Task.FromResult(new StoreSet(store, store, store));
    }
}
