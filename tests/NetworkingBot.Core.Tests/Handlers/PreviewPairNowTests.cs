using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Handlers;

public sealed class PreviewPairNowTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Preview_shows_groups_and_stores_or_sends_nothing()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat");
        var before = _h.Store.Snapshot();

        var body = TestData.Ok(await _h.RunAsync("org", "/coffee preview", organiser: true)).Body;

        Assert.Contains("Preview of round 1 (Monday 9 March, 09:00 UTC)", body, StringComparison.Ordinal);
        Assert.Contains("3 eligible members, 1 group,", body, StringComparison.Ordinal);
        Assert.Contains("<@ana> + <@bob> + <@cat> — test pairing", body, StringComparison.Ordinal);
        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Preview_and_pair_now_need_a_program()
    {
        TestData.Failed(await _h.RunAsync("org", "/coffee preview", organiser: true), "no_program");
        TestData.Failed(await _h.RunAsync("org", "/coffee pair-now", organiser: true), "no_program");
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Pair_now_announces_once_and_introduces_everyone()
    {
        await _h.SetUpAsync("channel:coffee-chats");
        await _h.JoinAsync("ana", "bob", "cat", "dan", "eve");

        var body = TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true)).Body;

        Assert.Contains("Round 1 is out: 2 groups, 5 members paired", body, StringComparison.Ordinal);
        var post = Assert.Single(_h.Messenger.ChannelPosts);
        Assert.Equal("coffee-chats", post.ChannelId);
        // A summary: the counts and where to find your match, no list of pairs and nobody mentioned (issue 18).
        Assert.Contains("is out: 5 members in 2 groups (1 of them a trio).", post.Text, StringComparison.Ordinal);
        Assert.Contains("`/coffee status` shows your partner", post.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", post.Text, StringComparison.Ordinal);

        Assert.Contains("you're meeting <@bob>!", Assert.Single(_h.Messenger.DirectTo("ana")).Text, StringComparison.Ordinal);
        Assert.Contains("you're meeting <@ana>!", Assert.Single(_h.Messenger.DirectTo("bob")).Text, StringComparison.Ordinal);
        Assert.Contains("you're meeting <@dan> and <@eve>!", Assert.Single(_h.Messenger.DirectTo("cat")).Text, StringComparison.Ordinal);
        Assert.Contains("you're meeting <@cat> and <@eve>!", Assert.Single(_h.Messenger.DirectTo("dan")).Text, StringComparison.Ordinal);
        Assert.Contains("you're meeting <@cat> and <@dan>!", Assert.Single(_h.Messenger.DirectTo("eve")).Text, StringComparison.Ordinal);
        Assert.All(_h.Messenger.DirectMessages, m => Assert.Contains("Why you were matched: test pairing", m.Text, StringComparison.Ordinal));
        Assert.All(_h.Messenger.DirectMessages, m => Assert.Contains("20-minute agenda", m.Text, StringComparison.Ordinal));

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal((1, RoundStatus.Delivered), (round.Number, round.Status));
        Assert.StartsWith("manual:", round.SlotKey, StringComparison.Ordinal);
        Assert.Equal(round.RoundId, Assert.Single(_h.Scheduler.CheckIns).RoundId);
    }
}
