using NetworkingBot.Core.CoffeeChats;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>Delivery intents, written before each send so a resume knows which sends may have happened unrecorded.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Intent_is_recorded_once_per_round_and_key()
    {
        var stores = await CreateStoresAsync();
        var r1 = await ClaimAsync(stores, Round("c1", "s1"));
        var r2 = await ClaimAsync(stores, Round("c1", "s2"));

        Assert.True(await stores.Rounds.TryRecordIntentAsync(r1.RoundId, "intro:alice", T0));
        Assert.False(await stores.Rounds.TryRecordIntentAsync(r1.RoundId, "intro:alice", T0.AddMinutes(1)));
        Assert.True(await stores.Rounds.TryRecordIntentAsync(r1.RoundId, "intro:Alice", T0));
        Assert.True(await stores.Rounds.TryRecordIntentAsync(r2.RoundId, "intro:alice", T0));
    }

    [Fact]
    public async Task Intent_and_delivery_record_are_kept_apart()
    {
        var stores = await CreateStoresAsync();
        var round = await ClaimAsync(stores, Round("c1", "s1"));

        Assert.True(await stores.Rounds.TryRecordIntentAsync(round.RoundId, "intro:alice", T0));

        // An intent is not a delivery (the resume must still ask the platform), and a delivery does not use up an intent.
        Assert.Empty(await stores.Rounds.GetDeliveriesAsync(round.RoundId));
        Assert.True(await stores.Rounds.TryRecordDeliveryAsync(round.RoundId, "intro:bob", T0));
        Assert.True(await stores.Rounds.TryRecordIntentAsync(round.RoundId, "intro:bob", T0));
        Assert.Equal(["intro:bob"], await stores.Rounds.GetDeliveriesAsync(round.RoundId));
    }

    [Fact]
    public async Task Intent_recorded_concurrently_is_won_by_exactly_one_caller()
    {
        var stores = await CreateStoresAsync();
        var round = await ClaimAsync(stores, Round("c1", "s1"));

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => stores.Rounds.TryRecordIntentAsync(round.RoundId, "intro:bob", T0))));

        Assert.Single(results, first => first);
    }

    [Fact]
    public async Task Forget_removes_the_users_intents_and_keeps_others()
    {
        var stores = await CreateStoresAsync();
        var round = await ClaimAsync(stores, Round("c1", "s1", Group(0, "alice", "bob")));
        foreach (var key in new[] { "intro:alice", "intro:bob", "intro:malice", "announce" })
        {
            await stores.Rounds.TryRecordIntentAsync(round.RoundId, key, T0);
        }

        await stores.Rounds.ForgetUserAsync("c1", "alice");

        // The intent is gone when recording it again counts as the first time.
        Assert.True(await stores.Rounds.TryRecordIntentAsync(round.RoundId, "intro:alice", T0));
        Assert.False(await stores.Rounds.TryRecordIntentAsync(round.RoundId, "intro:bob", T0));
        Assert.False(await stores.Rounds.TryRecordIntentAsync(round.RoundId, "intro:malice", T0));
        Assert.False(await stores.Rounds.TryRecordIntentAsync(round.RoundId, "announce", T0));
    }
}
