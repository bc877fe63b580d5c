using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core.Leases;
using Xunit;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>
/// What every <see cref="ILeaseStore"/> promises. A store's test project derives and supplies fresh, empty stores
/// reading time from the given clock; a store that keeps time itself (Redis) overrides <see cref="PassAsync"/>
/// to wait for real instead.
/// </summary>
public abstract class LeaseStoreContractTests
{
    // Long enough that a stalled test machine (Redis keeps real time) cannot let a lease run out between two steps.
    private static readonly TimeSpan Ttl = TimeSpan.FromMilliseconds(3000);
    private static readonly TimeSpan HalfTtl = Ttl / 2;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));

    protected abstract Task<ILeaseStore> CreateStoreAsync();

    /// <summary>Lets <paramref name="span"/> go by as the store sees time.</summary>
    protected virtual Task PassAsync(TimeSpan span)
    {
        Clock.Advance(span);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_lease_under_the_stale_prefix_is_reclaimed_at_once_and_no_other_owners_lease_is()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryAcquireAsync("job", "bot-1|old", Ttl));
        Assert.True(await store.TryAcquireAsync("other", "bot-2|live", Ttl));
        Assert.True(await store.TryAcquireAsync("ten", "bot-10|live", Ttl));

        Assert.True(await store.TryReclaimAsync("job", "bot-1|new", "bot-1|", Ttl));
        Assert.False(await store.RenewAsync("job", "bot-1|old", Ttl)); // the dead life's token holds nothing now
        Assert.True(await store.RenewAsync("job", "bot-1|new", Ttl));
        Assert.False(await store.TryAcquireAsync("job", "bot-2|live", Ttl));

        Assert.False(await store.TryReclaimAsync("other", "bot-1|new", "bot-1|", Ttl));
        Assert.False(await store.TryReclaimAsync("ten", "bot-1|new", "bot-1|", Ttl)); // bot-10 is another instance
        Assert.True(await store.TryReclaimAsync("free", "bot-1|new", "bot-1|", Ttl));
        Assert.True(await store.TryReclaimAsync("free", "bot-1|new", "bot-1|", Ttl)); // its own again
    }

    [Fact]
    public async Task A_free_lease_is_taken_once_and_its_owner_may_take_it_again()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.TryAcquireAsync("job", "a", Ttl));
        Assert.False(await store.TryAcquireAsync("job", "b", Ttl));
        Assert.True(await store.TryAcquireAsync("job", "a", Ttl));
        Assert.True(await store.TryAcquireAsync("other", "b", Ttl));
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_owner_and_the_old_one_cannot_renew_it()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryAcquireAsync("job", "a", TimeSpan.FromMilliseconds(500)));

        await PassAsync(TimeSpan.FromMilliseconds(800));

        Assert.False(await store.RenewAsync("job", "a", Ttl));
        Assert.True(await store.TryAcquireAsync("job", "b", Ttl));
        Assert.False(await store.TryAcquireAsync("job", "a", Ttl));
        Assert.False(await store.RenewAsync("job", "a", Ttl));
    }

    [Fact]
    public async Task Taking_a_held_lease_again_and_renewing_it_both_push_its_expiry_out()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryAcquireAsync("job", "a", Ttl));
        await PassAsync(HalfTtl);
        Assert.True(await store.TryAcquireAsync("job", "a", Ttl));
        await PassAsync(HalfTtl);
        Assert.False(await store.TryAcquireAsync("job", "b", Ttl));
        Assert.True(await store.RenewAsync("job", "a", Ttl));
        await PassAsync(HalfTtl);

        Assert.False(await store.TryAcquireAsync("job", "b", Ttl));
    }

    [Fact]
    public async Task Only_the_owner_renews_or_releases_and_a_release_frees_the_lease_at_once()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryAcquireAsync("job", "a", Ttl));

        Assert.False(await store.RenewAsync("job", "b", Ttl));
        Assert.False(await store.ReleaseAsync("job", "b"));
        Assert.False(await store.TryAcquireAsync("job", "b", Ttl));
        Assert.True(await store.ReleaseAsync("job", "a"));
        Assert.False(await store.ReleaseAsync("job", "a"));
        Assert.False(await store.RenewAsync("job", "a", Ttl));
        Assert.True(await store.TryAcquireAsync("job", "b", Ttl));
        Assert.False(await store.ReleaseAsync("missing", "a"));
    }

    [Fact]
    public async Task Of_twenty_owners_racing_for_one_lease_exactly_one_gets_it()
    {
        var store = await CreateStoreAsync();

        var won = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.TryAcquireAsync("job", $"owner-{i}", Ttl))));

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task Names_with_separators_and_other_scripts_are_separate_leases()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.TryAcquireAsync("lock:jobs:slack:T1", "a", Ttl));
        Assert.True(await store.TryAcquireAsync("lock:slack:T1", "b", Ttl));
        Assert.True(await store.TryAcquireAsync("lock:bibliothèque ✓", "c", Ttl));
        Assert.False(await store.TryAcquireAsync("lock:bibliothèque ✓", "d", Ttl));
    }
}
