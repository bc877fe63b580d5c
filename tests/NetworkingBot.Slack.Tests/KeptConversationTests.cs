using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// Issue 18: the conversations the bot opened are kept in the store, so a restarted bot posts to them without calling
/// conversations.open (Tier 3, the slowest call of a round) again, and one Slack no longer knows is opened anew.
/// </summary>
public sealed class KeptConversationTests
{
    private const string Ana = "U0ANA001";
    private const string Lee = "U0LEE002";

    private static OutboundMessage Group(string key) => OutboundMessage.ToGroup(SlackTestHost.Community, [Lee, Ana], "Meet each other", key);

    private static OutboundMessage Intro(string key) => OutboundMessage.ToUser(SlackTestHost.Community, Ana, "You're meeting Lee.", key);

    [Fact]
    public async Task A_restarted_bot_posts_to_the_kept_conversations_without_opening_them_again()
    {
        var kept = new InMemoryDmChannelStore();
        string? dm, groupDm;
        await using (var first = await SlackTestHost.StartAsync(sockets: false, extra: s => s.AddSingleton<IDmChannelStore>(kept)))
        {
            var messenger = first.Get<SlackMessenger>();
            await messenger.PostAsync(Intro("r1:intro:ana"), default);
            await messenger.PostAsync(Group("r1:intro-group:0"), default);
            Assert.Equal(2, first.Slack.CallsOf("conversations.open").Count);
            (dm, groupDm) = (first.Slack.CallsOf("chat.postMessage")[0].Arg("channel"), first.Slack.CallsOf("chat.postMessage")[1].Arg("channel"));
        }

        await using var restarted = await SlackTestHost.StartAsync(sockets: false, extra: s => s.AddSingleton<IDmChannelStore>(kept));
        var again = restarted.Get<SlackMessenger>();
        await again.PostAsync(Intro("r2:intro:ana"), default);
        await again.PostAsync(OutboundMessage.ToGroup(SlackTestHost.Community, [Ana, Lee], "Again", "r2:intro-group:0"), default);

        Assert.Empty(restarted.Slack.CallsOf("conversations.open"));
        Assert.Equal([dm, groupDm], restarted.Slack.CallsOf("chat.postMessage").Select(c => c.Arg("channel")));
    }

    [Fact]
    public async Task A_kept_conversation_Slack_no_longer_knows_is_opened_again_and_the_message_still_goes_out()
    {
        var kept = new InMemoryDmChannelStore();
        await kept.SaveAsync(Core.Commands.CommunityId.Parse(SlackTestHost.Community), Ana, "D0GONE");
        await using var host = await SlackTestHost.StartAsync(sockets: false, extra: s => s.AddSingleton<IDmChannelStore>(kept));
        host.Slack.FailNext("chat.postMessage", "channel_not_found");

        await host.Get<SlackMessenger>().PostAsync(Intro("r1:intro:ana"), default);

        var posts = host.Slack.CallsOf("chat.postMessage");
        Assert.Equal(2, posts.Count);
        Assert.Equal("D0GONE", posts[0].Arg("channel"));
        var reopened = Assert.Single(host.Slack.CallsOf("conversations.open"));
        Assert.Equal(Ana, reopened.Arg("users"));
        Assert.NotEqual("D0GONE", posts[1].Arg("channel"));
        Assert.Equal(posts[1].Arg("channel"), await kept.FindAsync(Core.Commands.CommunityId.Parse(SlackTestHost.Community), Ana));
    }
}
