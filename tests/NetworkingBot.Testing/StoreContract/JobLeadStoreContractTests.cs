using NetworkingBot.Core.JobLeads;
using Xunit;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>What every <see cref="IJobLeadStore"/> promises. A store's test project supplies fresh, empty stores.</summary>
public abstract class JobLeadStoreContractTests
{
    private const string C = "console:contract";
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IJobLeadStore> CreateStoreAsync();

    public static JobLead Lead(string title = "Metadata Librarian", DateTimeOffset? at = null, string sharer = "ana", string community = C) =>
        new(community, 0, title, "KU Libraries", "Lawrence, KS", true, "https://example.org/j/1", "example.org/j/1", new DateOnly(2026, 4, 1),
            JobType.Fellowship, ["metadata", "cataloging"], "$60k", "line one\nline two", false, true, sharer, "Ana", at ?? T0, T0.AddDays(28),
            JobLeadStatus.Open, null, null);

    [Fact]
    public async Task Leads_get_consecutive_numbers_per_community_and_round_trip_every_field()
    {
        var store = await CreateStoreAsync();
        var first = await store.AddLeadAsync(Lead() with { PostRef = "jobs/99" });
        var second = await store.AddLeadAsync(Lead("Two", T0.AddMinutes(1)));
        var other = await store.AddLeadAsync(Lead(community: "console:other"));

        Assert.Equal((1, 2, 1), (first.Number, second.Number, other.Number));
        var read = await store.GetLeadAsync(C, 1);
        Assert.NotNull(read);
        var none = Array.Empty<string>();
        Assert.Equal(first with { Tags = none }, read! with { Tags = none });
        Assert.Equal(first.Tags, read.Tags);
        Assert.Equal("jobs/99", read.PostRef);
        Assert.Null(await store.GetLeadAsync(C, 3));
    }

    [Fact]
    public async Task Leads_list_newest_first_from_a_given_instant_and_updates_change_only_status_fields()
    {
        var store = await CreateStoreAsync();
        await store.AddLeadAsync(Lead("Old", T0));
        await store.AddLeadAsync(Lead("New", T0.AddDays(2)));
        Assert.Null((await store.GetLeadAsync(C, 1))!.PostRef);
        await store.UpdateLeadAsync(Lead("Changed title ignored") with { Number = 1, Status = JobLeadStatus.Filled, ClosedAt = T0.AddDays(3), ClosedBy = "org", PostRef = "jobs/1234" });

        Assert.Equal(["New", "Old"], (await store.ListLeadsAsync(C, DateTimeOffset.MinValue)).Select(l => l.Title));
        Assert.Equal(["New"], (await store.ListLeadsAsync(C, T0.AddDays(1))).Select(l => l.Title));
        var closed = (await store.GetLeadAsync(C, 1))!;
        Assert.Equal(("Old", JobLeadStatus.Filled, T0.AddDays(3), "org", "jobs/1234"), (closed.Title, closed.Status, closed.ClosedAt, closed.ClosedBy, closed.PostRef));
    }

    [Fact]
    public async Task Boards_round_trip_including_a_digest_turned_off()
    {
        var store = await CreateStoreAsync();
        var board = new JobBoard(C, "jobs", DayOfWeek.Friday, new TimeOnly(16, 30), "Europe/London", T0, T0);
        await store.UpsertBoardAsync(board);
        await store.UpsertBoardAsync(board with { CommunityId = "console:a", DigestDay = null });

        Assert.Equal(board, await store.GetBoardAsync(C));
        Assert.Null((await store.GetBoardAsync("console:a"))!.DigestDay);
        Assert.Equal(["console:a", C], (await store.ListBoardsAsync()).Select(b => b.CommunityId));
        Assert.Null(await store.GetBoardAsync("console:none"));
    }

    [Fact]
    public async Task Subscriptions_upsert_list_by_user_and_delete()
    {
        var store = await CreateStoreAsync();
        var sub = new JobSubscription(C, "zed", ["metadata"], ["kansas", "remote"], [JobType.FullTime, JobType.Internship], JobLeadDelivery.Daily, "America/Chicago", T0, T0.AddHours(3));
        await store.UpsertSubscriptionAsync(sub);
        await store.UpsertSubscriptionAsync(sub with { UserId = "amy", Tags = [], Types = [], Delivery = JobLeadDelivery.Instant });
        await store.UpsertSubscriptionAsync(sub with { LastDigestAt = T0.AddDays(1) });

        var read = (await store.GetSubscriptionAsync(C, "zed"))!;
        Assert.Equal(sub.Tags, read.Tags);
        Assert.Equal(sub.LocationWords, read.LocationWords);
        Assert.Equal(sub.Types, read.Types);
        Assert.Equal((JobLeadDelivery.Daily, "America/Chicago", T0, T0.AddDays(1)), (read.Delivery, read.TimeZone, read.CreatedAt, read.LastDigestAt));
        Assert.Equal(["amy", "zed"], (await store.ListSubscriptionsAsync(C)).Select(s => s.UserId));
        Assert.Equal(["amy"], (await store.ListSubscriptionsAsync(C, JobLeadDelivery.Instant)).Select(s => s.UserId));
        Assert.Equal(["zed"], (await store.ListSubscriptionsAsync(C, JobLeadDelivery.Daily)).Select(s => s.UserId));
        Assert.Empty(await store.ListSubscriptionsAsync("console:other", JobLeadDelivery.Daily));
        Assert.True(await store.DeleteSubscriptionAsync(C, "amy"));
        Assert.False(await store.DeleteSubscriptionAsync(C, "amy"));
        Assert.Single(await store.ListSubscriptionsAsync(C));
    }

    [Fact]
    public async Task A_delivery_is_recorded_once()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryRecordDeliveryAsync(C, "amy", 1, T0));
        Assert.False(await store.TryRecordDeliveryAsync(C, "amy", 1, T0.AddDays(1)));
        Assert.True(await store.TryRecordDeliveryAsync(C, "amy", 2, T0));
        Assert.True(await store.TryRecordDeliveryAsync("console:other", "amy", 1, T0));

        Assert.Equal([1, 2], (await store.GetDeliveriesAsync(C, "amy")).Order());
    }

    [Fact]
    public async Task Concurrent_adds_never_share_a_number()
    {
        var store = await CreateStoreAsync();
        var leads = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.AddLeadAsync(Lead($"L{i}")))));
        Assert.Equal(Enumerable.Range(1, 20), leads.Select(l => l.Number).Order());
    }

    [Fact]
    public async Task Forget_removes_subscription_and_deliveries_and_detaches_shared_leads()
    {
        var store = await CreateStoreAsync();
        await store.AddLeadAsync(Lead(sharer: "amy"));
        await store.AddLeadAsync(Lead(sharer: "bob"));
        await store.UpsertSubscriptionAsync(new JobSubscription(C, "amy", [], [], [], JobLeadDelivery.Instant, "UTC", T0, T0));
        await store.TryRecordDeliveryAsync(C, "amy", 2, T0);

        Assert.Equal(3, await store.ForgetUserAsync(C, "amy"));

        Assert.Null(await store.GetSubscriptionAsync(C, "amy"));
        Assert.Empty(await store.GetDeliveriesAsync(C, "amy"));
        var detached = (await store.GetLeadAsync(C, 1))!;
        Assert.Equal(("", "", true), (detached.SharerId, detached.SharerName, detached.Anonymous));
        Assert.Equal("bob", (await store.GetLeadAsync(C, 2))!.SharerId);
    }
}
