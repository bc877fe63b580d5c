using NetworkingBot.Core.JobLeads;
using static NetworkingBot.Testing.StoreContract.JobLeadStoreContractTests;
using Xunit;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>What the Redis job-lead store must get right beyond the contract: several instances at once, and its own layout.</summary>
public sealed class RedisJobLeadStoreTests : IAsyncLifetime, IAsyncDisposable
{
    private const string C = "console:contract";
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly FreshStores _stores = new();

    [RedisFact]
    public async Task Twenty_adds_at_once_from_two_instances_get_the_numbers_one_to_twenty()
    {
        var (a, b) = await _stores.CreateTwoAsync();

        var leads = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).JobLeads.AddLeadAsync(Lead($"L{i}", T0.AddMinutes(i))))));

        Assert.Equal(Enumerable.Range(1, 20), leads.Select(l => l.Number).Order());
        var listed = await a.JobLeads.ListLeadsAsync(C, DateTimeOffset.MinValue);
        Assert.Equal(20, listed.Count);
        Assert.All(leads, l => Assert.Equal(l.Title, listed.Single(s => s.Number == l.Number).Title));
    }

    [RedisFact]
    public async Task Post_ref_set_at_add_is_kept_and_an_update_of_a_missing_lead_creates_nothing()
    {
        var store = (await _stores.CreateAsync()).JobLeads;

        var added = await store.AddLeadAsync(Lead() with { PostRef = "jobs/1" });
        await store.UpdateLeadAsync(Lead() with { Number = 9, Status = JobLeadStatus.Filled });

        Assert.Equal("jobs/1", (await store.GetLeadAsync(C, added.Number))!.PostRef);
        Assert.Null(await store.GetLeadAsync(C, 9));
        Assert.Single(await store.ListLeadsAsync(C, DateTimeOffset.MinValue));
    }

    [RedisFact]
    public async Task A_subscription_that_changes_delivery_moves_and_is_listed_once()
    {
        var store = (await _stores.CreateAsync()).JobLeads;
        var sub = new JobSubscription(C, "amy", ["metadata"], [], [], JobLeadDelivery.Instant, "UTC", T0, T0);

        await store.UpsertSubscriptionAsync(sub);
        await store.UpsertSubscriptionAsync(sub with { Delivery = JobLeadDelivery.Daily });

        Assert.Empty(await store.ListSubscriptionsAsync(C, JobLeadDelivery.Instant));
        Assert.Equal(["amy"], (await store.ListSubscriptionsAsync(C, JobLeadDelivery.Daily)).Select(s => s.UserId));
        Assert.Single(await store.ListSubscriptionsAsync(C));
        Assert.Equal(JobLeadDelivery.Daily, (await store.GetSubscriptionAsync(C, "amy"))!.Delivery);
        Assert.True(await store.DeleteSubscriptionAsync(C, "amy"));
        Assert.Empty(await store.ListSubscriptionsAsync(C));
    }

    [RedisFact]
    public async Task Forget_also_clears_the_member_as_closer_without_counting_it()
    {
        var store = (await _stores.CreateAsync()).JobLeads;
        var lead = await store.AddLeadAsync(Lead(sharer: "bob"));
        await store.UpdateLeadAsync(lead with { Status = JobLeadStatus.Filled, ClosedAt = T0, ClosedBy = "amy", PostRef = "p" });

        Assert.Equal(0, await store.ForgetUserAsync(C, "amy"));

        var read = (await store.GetLeadAsync(C, lead.Number))!;
        Assert.Equal((null, "bob", JobLeadStatus.Filled, "p"), (read.ClosedBy, read.SharerId, read.Status, read.PostRef));
    }

    [RedisFact]
    public async Task Ids_with_colons_never_share_a_key()
    {
        var store = (await _stores.CreateAsync()).JobLeads;

        Assert.True(await store.TryRecordDeliveryAsync("a:b", "c", 1, T0));
        Assert.True(await store.TryRecordDeliveryAsync("a", "b:c", 1, T0));
        await store.AddLeadAsync(Lead(community: "x:1"));
        await store.AddLeadAsync(Lead(community: "x"));

        Assert.Equal([1], (await store.GetDeliveriesAsync("a", "b:c")).Order());
        Assert.Equal(1, (await store.GetLeadAsync("x", 1))!.Number);
        Assert.Equal("x:1", (await store.GetLeadAsync("x:1", 1))!.CommunityId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime on a test class, never IAsyncDisposable: without this the keys and connections stay.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();
}
