using System.Text.Json;
using NetworkingBot.Core.Interviews;
using Xunit;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>What every <see cref="IInterviewStore"/> promises. A store's test project derives and supplies fresh, empty stores.</summary>
public abstract class InterviewStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<IInterviewStore> CreateStoreAsync();

    // Records holding lists compare lists by reference; compare what was stored by value instead.
    private static string Same(object? value) => JsonSerializer.Serialize(value);

    public static InterviewOffer Offer(string user, string community = "c1") =>
        new(community, user, user, ["archives", "law"], "Archivist", "City Library", 2, "note", "DM me", "Europe/London", OfferStatus.Active, T0);

    public static InterviewRequest Request(string id, string community = "c1", DateTimeOffset? due = null, DateTimeOffset? created = null) =>
        new(id, community, "rita", "Rita", ["archives"], "how you started", null, RequestStatus.Asking, "vera", ["vera"], 1, "matched on: archives",
            created ?? T0, due, null, T0.AddDays(14), 0);

    [Fact]
    public async Task Offers_round_trip_update_list_by_community_and_delete()
    {
        var store = await CreateStoreAsync();
        await store.UpsertOfferAsync(Offer("b"));
        await store.UpsertOfferAsync(Offer("a"));
        await store.UpsertOfferAsync(Offer("z", "c2"));
        await store.UpsertOfferAsync(Offer("a") with { Status = OfferStatus.Paused, Institution = null });

        Assert.Equal(Same(Offer("b")), Same(await store.GetOfferAsync("c1", "b")));
        Assert.Equal(["a", "b"], (await store.ListOffersAsync("c1")).Select(o => o.UserId));
        Assert.Equal(OfferStatus.Paused, (await store.GetOfferAsync("c1", "a"))!.Status);
        Assert.Null((await store.GetOfferAsync("c1", "a"))!.Institution);
        Assert.True(await store.DeleteOfferAsync("c1", "a"));
        Assert.False(await store.DeleteOfferAsync("c1", "a"));
        Assert.Null(await store.GetOfferAsync("c1", "a"));
    }

    [Fact]
    public async Task Requests_round_trip_and_a_second_add_with_the_same_id_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var request = Request("r1", due: T0.AddHours(72));
        Assert.True(await store.AddRequestAsync(request));
        Assert.False(await store.AddRequestAsync(request with { Learn = "other" }));
        Assert.Equal(Same(request), Same(await store.GetRequestAsync("r1")));
        Assert.Null(await store.GetRequestAsync("nope"));
    }

    [Fact]
    public async Task Updates_apply_only_on_the_next_version()
    {
        var store = await CreateStoreAsync();
        var request = Request("r1");
        await store.AddRequestAsync(request);

        Assert.True(await store.TryUpdateRequestAsync(request.Next() with { Status = RequestStatus.Accepted, AcceptedAt = T0 }));
        Assert.False(await store.TryUpdateRequestAsync(request.Next() with { Status = RequestStatus.Cancelled }));
        Assert.False(await store.TryUpdateRequestAsync(request with { Version = 5 }));
        Assert.False(await store.TryUpdateRequestAsync(Request("missing").Next()));
        var stored = await store.GetRequestAsync("r1");
        Assert.Equal(RequestStatus.Accepted, stored!.Status);
        Assert.Equal(1, stored.Version);
        Assert.Equal(T0, stored.AcceptedAt);
    }

    [Fact]
    public async Task Lists_are_per_community_in_creation_order()
    {
        var store = await CreateStoreAsync();
        await store.AddRequestAsync(Request("r2", created: T0.AddMinutes(1)));
        await store.AddRequestAsync(Request("r1", created: T0.AddMinutes(2)));
        await store.AddRequestAsync(Request("r0", "c2"));
        Assert.Equal(["r2", "r1"], (await store.ListRequestsAsync("c1")).Select(r => r.RequestId));
        Assert.True(await store.DeleteRequestAsync("r2"));
        Assert.False(await store.DeleteRequestAsync("r2"));
        Assert.Equal(["r1"], (await store.ListRequestsAsync("c1")).Select(r => r.RequestId));
    }

    [Fact]
    public async Task Due_requests_are_listed_across_communities_earliest_first_and_the_next_due_is_known()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.NextDueAsync());
        await store.AddRequestAsync(Request("late", due: T0.AddHours(3)));
        await store.AddRequestAsync(Request("early", "c2", due: T0.AddHours(1)));
        await store.AddRequestAsync(Request("never"));

        Assert.Equal(T0.AddHours(1), await store.NextDueAsync());
        Assert.Empty(await store.ListDueAsync(T0));
        Assert.Equal(["early"], (await store.ListDueAsync(T0.AddHours(1))).Select(r => r.RequestId));
        Assert.Equal(["early", "late"], (await store.ListDueAsync(T0.AddDays(1))).Select(r => r.RequestId));

        var early = (await store.GetRequestAsync("early"))!;
        await store.TryUpdateRequestAsync(early.Next() with { DueAt = null });
        Assert.Equal(T0.AddHours(3), await store.NextDueAsync());
    }

    [Fact]
    public async Task Network_entries_are_per_member_once_per_source_and_deletable()
    {
        var store = await CreateStoreAsync();
        await store.AddNetworkEntryAsync(new("c1", "rita", "vera", "interview", "r1", T0.AddDays(1)));
        await store.AddNetworkEntryAsync(new("c1", "rita", "vera", "interview", "r1", T0.AddDays(2)));
        await store.AddNetworkEntryAsync(new("c1", "rita", "walt", "interview", "r0", T0));
        await store.AddNetworkEntryAsync(new("c1", "vera", "rita", "interview", "r1", T0.AddDays(1)));

        var rita = await store.ListNetworkAsync("c1", "rita");
        Assert.Equal(["walt", "vera"], rita.Select(e => e.OtherUserId));
        Assert.Equal(new NetworkEntry("c1", "rita", "vera", "interview", "r1", T0.AddDays(1)), rita[1]);
        Assert.Equal(2, await store.DeleteNetworkAsync("c1", "rita"));
        Assert.Empty(await store.ListNetworkAsync("c1", "rita"));
        Assert.Single(await store.ListNetworkAsync("c1", "vera"));
    }
}
