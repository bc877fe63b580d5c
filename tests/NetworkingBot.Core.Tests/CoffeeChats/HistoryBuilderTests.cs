using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Core.Tests.CoffeeChats;

public sealed class HistoryBuilderTests
{
    [Fact]
    public void Empty_history()
    {
        var history = HistoryBuilder.Build([]);
        Assert.Empty(history.LastMetRound);
        Assert.Empty(history.TrioCounts);
        Assert.Empty(history.InLastTrio);
    }

    [Fact]
    public void Last_met_is_the_latest_round_number_whatever_the_list_order()
    {
        var rounds = new[]
        {
            TestData.Round(3, ["bob", "ana"], ["cat", "dan"]),
            TestData.Round(1, ["ana", "bob"], ["cat", "dan"]),
            TestData.Round(2, ["ana", "cat"], ["bob", "dan"]),
        };

        var history = HistoryBuilder.Build(rounds);

        Assert.Equal(3, history.LastMetRound[PairKey.Of("ana", "bob")]);
        Assert.Equal(3, history.LastMetRound[PairKey.Of("dan", "cat")]);
        Assert.Equal(2, history.LastMetRound[PairKey.Of("ana", "cat")]);
        Assert.Equal(2, history.LastMetRound[PairKey.Of("bob", "dan")]);
        Assert.False(history.LastMetRound.ContainsKey(PairKey.Of("ana", "dan")));
        Assert.Equal(4, history.LastMetRound.Count);
    }

    [Fact]
    public void Trios_are_counted_and_the_last_round_trio_is_marked()
    {
        var rounds = new[]
        {
            TestData.Round(1, ["ana", "bob", "cat"]),
            TestData.Round(2, ["ana", "dan"], ["bob", "cat", "eve"]),
        };

        var history = HistoryBuilder.Build(rounds);

        Assert.Equal(1, history.TrioCounts["ana"]);
        Assert.Equal(2, history.TrioCounts["bob"]);
        Assert.Equal(2, history.TrioCounts["cat"]);
        Assert.Equal(1, history.TrioCounts["eve"]);
        Assert.False(history.TrioCounts.ContainsKey("dan"));
        Assert.Equal(["bob", "cat", "eve"], history.InLastTrio.Order(StringComparer.Ordinal));
        Assert.Equal(1, history.LastMetRound[PairKey.Of("ana", "cat")]);
        Assert.Equal(2, history.LastMetRound[PairKey.Of("cat", "eve")]);
    }

    [Fact]
    public void Claimed_rounds_have_no_groups_yet_and_are_ignored()
    {
        var rounds = new[]
        {
            TestData.Round(1, ["ana", "bob", "cat"]),
            TestData.Round(2) with { Status = RoundStatus.Claimed },
        };

        var history = HistoryBuilder.Build(rounds);

        Assert.Equal(["ana", "bob", "cat"], history.InLastTrio.Order(StringComparer.Ordinal));
    }
}
