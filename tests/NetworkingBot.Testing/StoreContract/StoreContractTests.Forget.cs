using NetworkingBot.Core.CoffeeChats;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Testing.StoreContract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Forget_removes_the_user_from_groups_unmatched_check_ins_and_deliveries()
    {
        var stores = await CreateStoresAsync();
        var r1 = await ClaimAsync(stores, Round("c1", "s1", Group(0, "alice", "bob"), Group(1, "carol", "dave")));
        var r2 = await ClaimAsync(stores, Round("c1", "s2", Group(0, "carol", "alice", "erin")));
        var r3 = await ClaimAsync(stores, Round("c1", "s3", Group(0, "bob", "carol")) with { Unmatched = ["alice"] });
        var r4 = await ClaimAsync(stores, Round("c1", "s4", Group(0, "bob", "dave")));
        await stores.Rounds.SaveCheckInAsync(CheckIn(r1, "alice", CheckInAnswer.Met));
        await stores.Rounds.SaveCheckInAsync(CheckIn(r1, "bob", CheckInAnswer.Met));
        await stores.Rounds.SaveCheckInAsync(CheckIn(r2, "alice", CheckInAnswer.Scheduled));
        foreach (var key in new[] { "intro:alice", "intro:bob", "announce" })
        {
            await stores.Rounds.TryRecordDeliveryAsync(r1.RoundId, key, T0);
        }

        foreach (var key in new[] { "intro:alice", "checkin:alice", "intro:malice", "intro:alice2", "alice" })
        {
            await stores.Rounds.TryRecordDeliveryAsync(r2.RoundId, key, T0);
        }

        var mentioned = await stores.Rounds.ForgetUserAsync("c1", "alice");

        Assert.Equal(3, mentioned);
        StoreAssert.Same(r1 with { Groups = [Group(0, "bob"), Group(1, "carol", "dave")] }, await stores.Rounds.GetAsync(r1.RoundId));
        StoreAssert.Same(r2 with { Groups = [Group(0, "carol", "erin")] }, await stores.Rounds.GetAsync(r2.RoundId));
        StoreAssert.Same(r3 with { Unmatched = [] }, await stores.Rounds.GetAsync(r3.RoundId));
        StoreAssert.Same(r4, await stores.Rounds.GetAsync(r4.RoundId));
        Assert.Equal(["bob"], (await stores.Rounds.GetCheckInsAsync(r1.RoundId)).Select(c => c.UserId));
        Assert.Empty(await stores.Rounds.GetCheckInsAsync(r2.RoundId));
        Assert.Equal(["announce", "intro:bob"], (await stores.Rounds.GetDeliveriesAsync(r1.RoundId)).Order(StringComparer.Ordinal));
        Assert.Equal(["alice", "intro:alice2", "intro:malice"], (await stores.Rounds.GetDeliveriesAsync(r2.RoundId)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Forget_leaves_other_communities_untouched()
    {
        var stores = await CreateStoresAsync();
        var mine = await ClaimAsync(stores, Round("c1", "s1", Group(0, "alice", "bob")));
        var other = await ClaimAsync(stores, Round("c2", "s1", Group(0, "alice", "bob")) with { Unmatched = ["alice"] });
        await stores.Rounds.SaveCheckInAsync(CheckIn(other, "alice", CheckInAnswer.Met));
        await stores.Rounds.TryRecordDeliveryAsync(other.RoundId, "intro:alice", T0);

        Assert.Equal(1, await stores.Rounds.ForgetUserAsync("c1", "alice"));

        Assert.Equal(["bob"], (await stores.Rounds.GetAsync(mine.RoundId))!.Groups[0].Members);
        StoreAssert.Same(other, await stores.Rounds.GetAsync(other.RoundId));
        Assert.Single(await stores.Rounds.GetCheckInsAsync(other.RoundId));
        Assert.Equal(["intro:alice"], await stores.Rounds.GetDeliveriesAsync(other.RoundId));
    }

    [Fact]
    public async Task Forget_matches_the_delivery_key_suffix_exactly()
    {
        var stores = await CreateStoresAsync();
        var round = await ClaimAsync(stores, Round("c1", "s1", Group(0, "a_b%", "zed")));
        foreach (var key in new[] { "intro:a_b%", "checkin:a_b%", "intro:aXbY", "intro:A_B%", "intro:xa_b%", "intro:zed" })
        {
            await stores.Rounds.TryRecordDeliveryAsync(round.RoundId, key, T0);
        }

        Assert.Equal(1, await stores.Rounds.ForgetUserAsync("c1", "a_b%"));

        Assert.Equal(
            ["intro:A_B%", "intro:aXbY", "intro:xa_b%", "intro:zed"],
            (await stores.Rounds.GetDeliveriesAsync(round.RoundId)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Forget_of_a_user_nobody_mentions_changes_nothing_and_a_second_forget_finds_nothing()
    {
        var stores = await CreateStoresAsync();
        var round = await ClaimAsync(stores, Round("c1", "s1", Group(0, "alice", "bob")));

        Assert.Equal(0, await stores.Rounds.ForgetUserAsync("c1", "nobody"));
        StoreAssert.Same(round, await stores.Rounds.GetAsync(round.RoundId));

        Assert.Equal(1, await stores.Rounds.ForgetUserAsync("c1", "alice"));
        Assert.Equal(0, await stores.Rounds.ForgetUserAsync("c1", "alice"));
    }

    private static async Task<Round> ClaimAsync(StoreSet stores, Round round) =>
        await stores.Rounds.TryClaimAsync(round) ?? throw new InvalidOperationException($"slot {round.SlotKey} taken");
}
