using NetworkingBot.Core.Leases;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Core.Tests.Fakes;

/// <summary>The in-memory lease store keeps the same promises as the real ones.</summary>
public sealed class InMemoryLeaseStoreContractTests : LeaseStoreContractTests
{
    protected override Task<ILeaseStore> CreateStoreAsync() => Task.FromResult<ILeaseStore>(new InMemoryLeaseStore(Clock));
}
