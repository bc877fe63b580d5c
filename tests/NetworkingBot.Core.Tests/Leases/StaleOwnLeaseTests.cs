using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core.Leases;
using NetworkingBot.Testing;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Leases;

/// <summary>
/// Issue 16: an instance restarted under the same instance id recognises the lease its crashed previous life left
/// and takes it at once; another instance's lease, and an anonymous one, are still waited for. The lease clock is
/// frozen, so nothing here can expire: a lock that is taken was taken over.
/// </summary>
public sealed class StaleOwnLeaseTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly InMemoryLeaseStore _leases = new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero)));

    private CommunityLocks Instance(string? id) =>
        new(_leases, NullLogger<CommunityLocks>.Instance, Options.Create(new LeaseOptions { InstanceId = id }));

    [Fact]
    public async Task The_same_instance_id_restarted_takes_its_dead_lease_at_once()
    {
        // The first life takes the lock and dies holding it: never released, and its renewals die with it.
        _ = await Instance("bot-1").AcquireAsync("slack:T1", CancellationToken.None);

        await using var restarted = await Instance("bot-1").AcquireAsync("slack:T1", CancellationToken.None).WaitAsync(Patience);

        Assert.False(restarted.Lost.IsCancellationRequested);
        Assert.Equal(0, _leases.Refusals);
    }

    [Theory]
    [InlineData("bot-2")]
    [InlineData(null)]
    public async Task Another_instance_or_an_anonymous_one_waits_for_the_lease(string? other)
    {
        _ = await Instance("bot-1").AcquireAsync("slack:T1", CancellationToken.None);

        using var stop = new CancellationTokenSource();
        var waiting = Instance(other).AcquireAsync("slack:T1", stop.Token);
        await Eventually.TrueAsync(() => _leases.Refusals >= 2);

        Assert.False(waiting.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
    }
}
