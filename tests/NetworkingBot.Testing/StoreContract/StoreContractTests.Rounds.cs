using NetworkingBot.Core.CoffeeChats;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Testing.StoreContract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Round_update_replaces_status_groups_unmatched_and_check_in_time()
    {
        var stores = await CreateStoresAsync();
        var claimed = await stores.Rounds.TryClaimAsync(Round("c1", "s1", Group(0, "x", "y"), Group(1, "z", "w"), Group(2, "v", "u")));
        var planned = claimed! with
        {
            Status = RoundStatus.Planned,
            Groups = [Group(0, "carol", "alice", "bob")],
            Unmatched = ["dave"],
            CheckInAt = T0.AddDays(3).AddTicks(77),
        };

        await stores.Rounds.UpdateAsync(planned);

        StoreAssert.Same(planned, await stores.Rounds.GetAsync(planned.RoundId));
    }

    [Fact]
    public async Task Round_update_keeps_the_identity_the_claim_gave()
    {
        var stores = await CreateStoresAsync();
        var claimed = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));

        await stores.Rounds.UpdateAsync(claimed! with { Number = 99, Status = RoundStatus.Closed });

        var stored = await stores.Rounds.GetAsync(claimed.RoundId);
        StoreAssert.Same(claimed with { Status = RoundStatus.Closed }, stored);
    }

    [Fact]
    public async Task Round_update_can_empty_the_groups_and_unmatched()
    {
        var stores = await CreateStoresAsync();
        var round = Round("c1", "s1", Group(0, "a", "b")) with { Unmatched = ["c"] };
        var claimed = await stores.Rounds.TryClaimAsync(round);

        await stores.Rounds.UpdateAsync(claimed! with { Groups = [], Unmatched = [] });

        var stored = await stores.Rounds.GetAsync(claimed.RoundId);
        Assert.Empty(stored!.Groups);
        Assert.Empty(stored.Unmatched);
    }

    [Fact]
    public async Task Round_get_and_get_by_slot_of_unknown_rounds_are_null()
    {
        var stores = await CreateStoresAsync();
        await stores.Rounds.TryClaimAsync(Round("c1", "s1"));

        Assert.Null(await stores.Rounds.GetAsync("missing"));
        Assert.Null(await stores.Rounds.GetBySlotAsync("c1", "s2"));
        Assert.Null(await stores.Rounds.GetBySlotAsync("c2", "s1"));
    }

    [Fact]
    public async Task Round_list_is_newest_first_limited_and_per_community()
    {
        var stores = await CreateStoresAsync();
        for (var i = 1; i <= 5; i++)
        {
            await stores.Rounds.TryClaimAsync(Round("c1", $"s{i}", Group(0, $"u{i}", "v")));
        }

        await stores.Rounds.TryClaimAsync(Round("c2", "s1"));

        var three = await stores.Rounds.ListAsync("c1", 3);
        Assert.Equal([5, 4, 3], three.Select(r => r.Number));
        Assert.Equal(["u5", "v"], three[0].Groups.Single().Members);
        Assert.Equal([5, 4, 3, 2, 1], (await stores.Rounds.ListAsync("c1", 50)).Select(r => r.Number));
        Assert.Empty(await stores.Rounds.ListAsync("c1", 0));
        Assert.Empty(await stores.Rounds.ListAsync("c3", 10));
    }

    [Fact]
    public async Task Round_list_by_status_spans_communities()
    {
        var stores = await CreateStoresAsync();
        var planned = await ClaimWithStatusAsync(stores, Round("c1", "s1", Group(0, "a", "b")), RoundStatus.Planned);
        var sent = await ClaimWithStatusAsync(stores, Round("c2", "s1"), RoundStatus.CheckInSent);
        await ClaimWithStatusAsync(stores, Round("c1", "s2"), RoundStatus.Closed);
        await ClaimWithStatusAsync(stores, Round("c2", "s2"), RoundStatus.Delivered);

        var found = await stores.Rounds.ListByStatusAsync([RoundStatus.Planned, RoundStatus.CheckInSent]);

        Assert.Equal(
            new[] { planned.RoundId, sent.RoundId }.Order(StringComparer.Ordinal),
            found.Select(r => r.RoundId).Order(StringComparer.Ordinal));
        StoreAssert.Same(planned, found.Single(r => r.RoundId == planned.RoundId));
        Assert.Empty(await stores.Rounds.ListByStatusAsync([]));
        Assert.Empty(await stores.Rounds.ListByStatusAsync([RoundStatus.Claimed]));
    }

    private static async Task<Round> ClaimWithStatusAsync(StoreSet stores, Round round, RoundStatus status)
    {
        var claimed = await stores.Rounds.TryClaimAsync(round) ?? throw new InvalidOperationException("slot taken");
        var updated = claimed with { Status = status };
        await stores.Rounds.UpdateAsync(updated);
        return updated;
    }
}
