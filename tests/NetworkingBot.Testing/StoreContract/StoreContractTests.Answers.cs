using NetworkingBot.Core.CoffeeChats;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Testing.StoreContract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Delivery_is_recorded_once_per_round_and_key()
    {
        var stores = await CreateStoresAsync();
        var r1 = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));
        var r2 = await stores.Rounds.TryClaimAsync(Round("c1", "s2"));

        Assert.True(await stores.Rounds.TryRecordDeliveryAsync(r1!.RoundId, "intro:alice", T0));
        Assert.False(await stores.Rounds.TryRecordDeliveryAsync(r1.RoundId, "intro:alice", T0.AddMinutes(1)));
        Assert.True(await stores.Rounds.TryRecordDeliveryAsync(r1.RoundId, "intro:Alice", T0));
        Assert.True(await stores.Rounds.TryRecordDeliveryAsync(r1.RoundId, "announce", T0));
        Assert.True(await stores.Rounds.TryRecordDeliveryAsync(r2!.RoundId, "intro:alice", T0));

        Assert.Equal(["announce", "intro:Alice", "intro:alice"], (await stores.Rounds.GetDeliveriesAsync(r1.RoundId)).Order(StringComparer.Ordinal));
        Assert.Equal(["intro:alice"], await stores.Rounds.GetDeliveriesAsync(r2.RoundId));
    }

    [Fact]
    public async Task Delivery_set_of_a_round_without_deliveries_is_empty()
    {
        var stores = await CreateStoresAsync();
        var round = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));

        Assert.Empty(await stores.Rounds.GetDeliveriesAsync(round!.RoundId));
    }

    [Fact]
    public async Task Delivery_recorded_concurrently_is_won_by_exactly_one_caller()
    {
        var stores = await CreateStoresAsync();
        var round = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => stores.Rounds.TryRecordDeliveryAsync(round!.RoundId, "intro:bob", T0))));

        Assert.Single(results, inserted => inserted);
    }

    [Fact]
    public async Task Check_in_round_trips_and_a_later_answer_replaces_the_earlier()
    {
        var stores = await CreateStoresAsync();
        var r1 = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));
        var r2 = await stores.Rounds.TryClaimAsync(Round("c1", "s2"));
        var later = CheckIn(r1!, "alice", CheckInAnswer.Met) with { AnsweredAt = T0.AddDays(8).AddTicks(1) };

        await stores.Rounds.SaveCheckInAsync(CheckIn(r1!, "alice", CheckInAnswer.Scheduled));
        await stores.Rounds.SaveCheckInAsync(CheckIn(r1!, "bob", CheckInAnswer.NotThisTime));
        await stores.Rounds.SaveCheckInAsync(CheckIn(r2!, "alice", CheckInAnswer.NotThisTime));
        await stores.Rounds.SaveCheckInAsync(later);

        var answers = (await stores.Rounds.GetCheckInsAsync(r1!.RoundId)).OrderBy(c => c.UserId, StringComparer.Ordinal).ToList();
        Assert.Equal([later, CheckIn(r1, "bob", CheckInAnswer.NotThisTime)], answers);
        Assert.Equal(later.AnsweredAt.UtcTicks, answers[0].AnsweredAt.UtcTicks);
        Assert.Equal([CheckIn(r2!, "alice", CheckInAnswer.NotThisTime)], await stores.Rounds.GetCheckInsAsync(r2!.RoundId));
    }

    [Fact]
    public async Task Check_ins_of_a_round_without_answers_are_empty()
    {
        var stores = await CreateStoresAsync();
        var round = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));

        Assert.Empty(await stores.Rounds.GetCheckInsAsync(round!.RoundId));
    }
}
