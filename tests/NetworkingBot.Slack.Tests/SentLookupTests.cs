using NetworkingBot.Core.Abstractions;
using NetworkingBot.Slack.Api;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// Issue 16: a post carries its delivery key in Slack's message metadata, and FindSentAsync finds it again with
/// conversations.history (include_all_metadata, a small limit) in the one conversation the message went to.
/// </summary>
public sealed class SentLookupTests
{
    private const string Coffee = "C0COFFEE";
    private const string Ana = "U0ANA001";
    private const string Lee = "U0LEE002";

    private static OutboundMessage Intro(string key) => OutboundMessage.ToUser(SlackTestHost.Community, Ana, "You're meeting Lee this round.", key);

    [Fact]
    public async Task A_posted_intro_carries_its_key_and_is_found_in_the_DM_the_bot_opened_reading_only_the_last_few_messages()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        var messenger = host.Get<SlackMessenger>();

        await messenger.PostAsync(Intro("r1:intro:U0ANA001"), default);
        var post = Assert.Single(host.Slack.CallsOf("chat.postMessage"));
        var metadata = post.Json("metadata");
        Assert.Equal("networkingbot_delivery", metadata.GetProperty("event_type").GetString());
        Assert.Equal("r1:intro:U0ANA001", metadata.GetProperty("event_payload").GetProperty("key").GetString());

        Assert.Equal(SentLookup.Sent, await messenger.FindSentAsync(Intro("r1:intro:U0ANA001"), default));
        Assert.Equal(SentLookup.NotSent, await messenger.FindSentAsync(Intro("r2:intro:U0ANA001"), default));

        var reads = host.Slack.CallsOf("conversations.history");
        Assert.Equal(2, reads.Count);
        Assert.All(reads, read =>
        {
            Assert.Equal(post.Arg("channel"), read.Arg("channel"));
            Assert.Equal("15", read.Arg("limit"));
            Assert.Equal("true", read.Arg("include_all_metadata"));
        });
    }

    [Fact]
    public async Task Group_intros_and_announcements_are_looked_up_in_their_own_conversation()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        var messenger = host.Get<SlackMessenger>();
        var group = OutboundMessage.ToGroup(SlackTestHost.Community, [Ana, Lee], "Meet each other", "r1:intro-group:0");
        var announce = OutboundMessage.ToChannel(SlackTestHost.Community, Coffee, "Round 1 is out", "r1:announce");

        await messenger.PostAsync(group, default);

        Assert.Equal(SentLookup.Sent, await messenger.FindSentAsync(group, default));
        Assert.Equal(SentLookup.NotSent, await messenger.FindSentAsync(announce, default));
        var groupDm = Assert.Single(host.Slack.CallsOf("chat.postMessage")).Arg("channel");
        Assert.StartsWith("G", groupDm, StringComparison.Ordinal);
        Assert.Equal([groupDm, Coffee], host.Slack.CallsOf("conversations.history").Select(c => c.Arg("channel")));
    }

    [Fact]
    public async Task A_message_pushed_out_of_the_last_fifteen_is_not_found()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        var messenger = host.Get<SlackMessenger>();

        await messenger.PostAsync(OutboundMessage.ToChannel(SlackTestHost.Community, Coffee, "Round 1 is out", "r1:announce"), default);
        for (var i = 0; i < 15; i++)
        {
            await messenger.PostAsync(OutboundMessage.ToChannel(SlackTestHost.Community, Coffee, $"note {i}", $"r1:dm-closed:U{i}"), default);
        }

        // The honest limit of a bounded read: documented in OPERATIONS as the window the look-up covers.
        Assert.Equal(SentLookup.NotSent, await messenger.FindSentAsync(OutboundMessage.ToChannel(SlackTestHost.Community, Coffee, "Round 1 is out", "r1:announce"), default));
        Assert.Equal(SentLookup.Sent, await messenger.FindSentAsync(OutboundMessage.ToChannel(SlackTestHost.Community, Coffee, "note 0", "r1:dm-closed:U0"), default));
    }

    [Fact]
    public async Task Without_the_history_scope_the_answer_is_unknown_and_other_refusals_throw()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        var messenger = host.Get<SlackMessenger>();
        await messenger.PostAsync(Intro("r1:intro:U0ANA001"), default);
        host.Slack.HistoryScopes.Remove("im:history");

        Assert.Equal(SentLookup.Unknown, await messenger.FindSentAsync(Intro("r1:intro:U0ANA001"), default));
        Assert.False(Assert.Single(host.Slack.CallsOf("conversations.history")).Ok);

        host.Slack.HistoryScopes.Add("im:history");
        host.Slack.FailNext("conversations.history", "fatal_error");
        var error = await Assert.ThrowsAsync<SlackApiException>(() => messenger.FindSentAsync(Intro("r1:intro:U0ANA001"), default));
        Assert.Equal("fatal_error", error.Error);
    }
}
