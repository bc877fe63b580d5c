using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Core.Tests.Fakes;

/// <summary>The in-memory job-lead store keeps the same promises as the SQLite one.</summary>
public sealed class InMemoryJobLeadStoreContractTests : JobLeadStoreContractTests
{
    protected override Task<IJobLeadStore> CreateStoreAsync() => Task.FromResult<IJobLeadStore>(new InMemoryJobLeadStore());
}
