using NetworkingBot.Core.Abstractions;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Core.Tests.Fakes;

/// <summary>The in-memory DM channel store keeps the same promises as the real ones.</summary>
public sealed class InMemoryDmChannelStoreContractTests : DmChannelStoreContractTests
{
    protected override Task<IDmChannelStore> CreateStoreAsync() => Task.FromResult<IDmChannelStore>(new InMemoryDmChannelStore());
}
