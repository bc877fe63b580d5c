using NetworkingBot.Core.Network;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Core.Tests.Fakes;

/// <summary>The in-memory network store keeps the same promises as the real ones.</summary>
public sealed class InMemoryNetworkStoreContractTests : NetworkStoreContractTests
{
    protected override Task<INetworkStore> CreateStoreAsync() => Task.FromResult<INetworkStore>(new InMemoryNetworkStore());
}
