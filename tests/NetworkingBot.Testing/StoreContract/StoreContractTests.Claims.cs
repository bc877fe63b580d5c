using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Testing.StoreContract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Claim_of_a_free_slot_stores_the_round_as_number_one()
    {
        var stores = await CreateStoresAsync();
        var round = Round("c1", "2025-03-04T17:00Z", Group(0, "alice", "bob"), Group(1, "carol", "dave", "erin")) with { Number = 42 };

        var claimed = await stores.Rounds.TryClaimAsync(round);

        var expected = round with { Number = 1 };
        StoreAssert.Same(expected, claimed);
        StoreAssert.Same(expected, await stores.Rounds.GetAsync(round.RoundId));
    }

    [Fact]
    public async Task Claim_of_a_taken_slot_returns_null_and_keeps_the_first_round()
    {
        var stores = await CreateStoresAsync();
        var first = Round("c1", "slot");
        var second = Round("c1", "slot") with { Seed = 7 };

        Assert.NotNull(await stores.Rounds.TryClaimAsync(first));
        Assert.Null(await stores.Rounds.TryClaimAsync(second));

        Assert.Null(await stores.Rounds.GetAsync(second.RoundId));
        StoreAssert.Same(first with { Number = 1 }, await stores.Rounds.GetBySlotAsync("c1", "slot"));
        Assert.Single(await stores.Rounds.ListAsync("c1", 10));
    }

    [Fact]
    public async Task Claim_numbers_rounds_consecutively_and_independently_per_community()
    {
        var stores = await CreateStoresAsync();

        var a1 = await stores.Rounds.TryClaimAsync(Round("a", "s1"));
        var b1 = await stores.Rounds.TryClaimAsync(Round("b", "s1"));
        var a2 = await stores.Rounds.TryClaimAsync(Round("a", "s2"));
        _ = await stores.Rounds.TryClaimAsync(Round("a", "s2"));
        var a3 = await stores.Rounds.TryClaimAsync(Round("a", "manual:x"));
        var b2 = await stores.Rounds.TryClaimAsync(Round("b", "s2"));

        Assert.Equal([1, 2, 3], new[] { a1, a2, a3 }.Select(r => r?.Number));
        Assert.Equal([1, 2], new[] { b1, b2 }.Select(r => r?.Number));
    }

    [Fact]
    public async Task Claim_of_one_slot_by_many_concurrent_callers_has_exactly_one_winner()
    {
        var stores = await CreateStoresAsync();
        var candidates = Enumerable.Range(0, 20).Select(_ => Round("c1", "contested")).ToList();

        var results = await Task.WhenAll(candidates.Select(r => Task.Run(() => stores.Rounds.TryClaimAsync(r))));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(1, winner!.Number);
        Assert.Equal(winner.RoundId, (await stores.Rounds.GetBySlotAsync("c1", "contested"))?.RoundId);
        Assert.Single(await stores.Rounds.ListAsync("c1", 100));
    }

    [Fact]
    public async Task Claim_of_many_slots_concurrently_gives_distinct_consecutive_numbers()
    {
        var stores = await CreateStoresAsync();
        var rounds = Enumerable.Range(0, 20).Select(i => Round("c1", $"slot-{i}")).ToList();

        var results = await Task.WhenAll(rounds.Select(r => Task.Run(() => stores.Rounds.TryClaimAsync(r))));

        Assert.All(results, r => Assert.NotNull(r));
        Assert.Equal(Enumerable.Range(1, 20), results.Select(r => r!.Number).Order());
        foreach (var result in results)
        {
            Assert.Equal(result!.Number, (await stores.Rounds.GetAsync(result.RoundId))?.Number);
        }
    }

    [Fact]
    public async Task Claim_of_one_slot_key_in_two_communities_succeeds_in_both()
    {
        var stores = await CreateStoresAsync();

        Assert.NotNull(await stores.Rounds.TryClaimAsync(Round("c1", "same")));
        Assert.NotNull(await stores.Rounds.TryClaimAsync(Round("c2", "same")));

        Assert.Equal("c2", (await stores.Rounds.GetBySlotAsync("c2", "same"))?.CommunityId);
    }
}
