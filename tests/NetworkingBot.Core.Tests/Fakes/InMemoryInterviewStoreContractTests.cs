using NetworkingBot.Core.Interviews;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Core.Tests.Fakes;

/// <summary>The in-memory interview store keeps the same promises as the real ones.</summary>
public sealed class InMemoryInterviewStoreContractTests : InterviewStoreContractTests
{
    protected override Task<IInterviewStore> CreateStoreAsync() => Task.FromResult<IInterviewStore>(new InMemoryInterviewStore());
}
