using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.Leases;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing;

namespace NetworkingBot.Core.Tests.Leases;

/// <summary>
/// Two <see cref="CommunityLocks"/> on one lease store are two instances: one waits for the other, a crashed holder's
/// lease runs out on the store's clock, and inside one process a caller never waits on its predecessor's lease.
/// </summary>
public sealed class CommunityLocksTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLeaseStore _leases;

    public CommunityLocksTests() => _leases = new InMemoryLeaseStore(_clock);

    private CommunityLocks Instance() => new(_leases, NullLogger<CommunityLocks>.Instance);

    [Fact]
    public async Task The_second_instance_waits_until_the_first_releases()
    {
        var (a, b) = (Instance(), Instance());
        var held = await a.AcquireAsync("console:c", CancellationToken.None);

        var waiting = b.AcquireAsync("console:c", CancellationToken.None);
        await Eventually.TrueAsync(() => _leases.Refusals >= 2);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var second = await waiting.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_lease_its_holder_never_released_frees_itself_after_its_time_to_live()
    {
        var crashed = await Instance().AcquireAsync("console:c", CancellationToken.None);
        var waiting = Instance().AcquireAsync("console:c", CancellationToken.None);
        await Eventually.TrueAsync(() => _leases.Refusals >= 1);

        _clock.Advance(CommunityLocks.LeaseTtl - TimeSpan.FromSeconds(1));
        var refused = _leases.Refusals;
        await Eventually.TrueAsync(() => _leases.Refusals > refused);
        Assert.False(waiting.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(2));

        await using var taken = await waiting.WaitAsync(Patience);
        GC.KeepAlive(crashed);
    }

    [Fact]
    public async Task Giving_up_the_wait_leaves_the_instance_free_to_lock_again()
    {
        var (a, b) = (Instance(), Instance());
        var held = await a.AcquireAsync("console:c", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = b.AcquireAsync("console:c", cancel.Token);
        await Eventually.TrueAsync(() => _leases.Refusals >= 1);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        await ((IAsyncDisposable)held).DisposeAsync();

        await using var again = await b.AcquireAsync("console:c", CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task Callers_in_one_process_queue_on_the_semaphore_and_never_find_their_predecessors_lease()
    {
        var locks = Instance();
        var inside = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await using (await locks.AcquireAsync("console:c", CancellationToken.None))
            {
                most = Math.Max(most, Interlocked.Increment(ref inside));
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        }))).WaitAsync(Patience);

        Assert.Equal(1, most);
        Assert.Equal(0, _leases.Refusals);
    }

    [Fact]
    public async Task Interview_steps_and_round_work_of_one_community_do_not_wait_for_each_other()
    {
        var locks = Instance();
        await using var round = await locks.AcquireAsync("console:c", CancellationToken.None);

        await using var interview = await new InterviewGate(locks).AcquireAsync("console:c", CancellationToken.None).WaitAsync(Patience);
        await using var otherInstance = await new InterviewGate(Instance()).AcquireAsync("console:d", CancellationToken.None).WaitAsync(Patience);
    }
}
