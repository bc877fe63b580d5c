using NetworkingBot.Core.Interviews;
using static NetworkingBot.Testing.StoreContract.InterviewStoreContractTests;
using Xunit;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>What the Redis interview store must get right beyond the contract: several instances at once, and its due set.</summary>
public sealed class RedisInterviewStoreTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly FreshStores _stores = new();

    [RedisFact]
    public async Task Twenty_updates_of_one_version_at_once_from_two_instances_have_exactly_one_winner()
    {
        var (a, b) = await _stores.CreateTwoAsync();
        var request = Request("r1", due: T0);
        await a.Interviews.AddRequestAsync(request);

        var won = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).Interviews.TryUpdateRequestAsync(request.Next() with { Learn = $"step {i}", DueAt = T0.AddHours(i) }))));

        var winner = Assert.Single(Enumerable.Range(0, 20), i => won[i]);
        var stored = (await b.Interviews.GetRequestAsync("r1"))!;
        Assert.Equal(($"step {winner}", 1), (stored.Learn, stored.Version));
        Assert.Equal(T0.AddHours(winner), await a.Interviews.NextDueAsync());
    }

    [RedisFact]
    public async Task Due_times_are_exact_to_the_tick_and_a_deleted_request_is_never_due()
    {
        var store = (await _stores.CreateAsync()).Interviews;
        await store.AddRequestAsync(Request("later", due: T0.AddTicks(1)));
        await store.AddRequestAsync(Request("now", "c2", due: T0));

        Assert.Equal(T0, await store.NextDueAsync());
        Assert.Equal(["now"], (await store.ListDueAsync(T0)).Select(r => r.RequestId));
        Assert.Equal(["now", "later"], (await store.ListDueAsync(T0.AddTicks(1))).Select(r => r.RequestId));

        Assert.True(await store.DeleteRequestAsync("now"));
        Assert.Equal(T0.AddTicks(1), await store.NextDueAsync());
        Assert.Empty(await store.ListRequestsAsync("c2"));
        Assert.True(await store.DeleteRequestAsync("later"));
        Assert.Null(await store.NextDueAsync());
        Assert.Empty(await store.ListDueAsync(T0.AddYears(1)));
    }

    [RedisFact]
    public async Task Network_logs_of_ids_with_colons_stay_apart()
    {
        var store = (await _stores.CreateAsync()).Interviews;

        await store.AddNetworkEntryAsync(new NetworkEntry("a:b", "c", "x", "interview", "r1", T0));
        await store.AddNetworkEntryAsync(new NetworkEntry("a", "b:c", "y", "interview", "r1", T0));

        Assert.Equal(["x"], (await store.ListNetworkAsync("a:b", "c")).Select(e => e.OtherUserId));
        Assert.Equal(["y"], (await store.ListNetworkAsync("a", "b:c")).Select(e => e.OtherUserId));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime on a test class, never IAsyncDisposable: without this the keys and connections stay.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
