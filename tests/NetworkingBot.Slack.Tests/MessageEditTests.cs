using NetworkingBot.Core.Abstractions;
using NetworkingBot.Slack.Api;

namespace NetworkingBot.Slack.Tests;

/// <summary>Posting with a reference and editing by it (chat.update), against the fake Slack.</summary>
public sealed class MessageEditTests
{
    private const string Jobs = "C0JOBS";

    private static OutboundMessage Card(string text) => OutboundMessage.ToChannel(SlackTestHost.Community, Jobs, text, "job:1") with { Card = true };

    [Fact]
    public async Task A_post_is_referenced_by_channel_and_ts_and_the_edit_replaces_text_and_blocks_escaped()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        var messenger = host.Get<SlackMessenger>();

        var postRef = await messenger.PostAsync(Card("**New job lead #1: Cataloger** — KU\nLink: https://example.org/1"), default);
        Assert.Single(host.Slack.PostsTo(Jobs));
        Assert.StartsWith($"{Jobs}/1700000000.", postRef, StringComparison.Ordinal);
        var ts = postRef!.Split('/')[1];

        // The fake finds the message by channel and ts, so true here means both were the posted message's.
        Assert.True(await messenger.EditAsync(postRef, Card("**Filled: job lead #1, Cataloger** — KU & Co\nClosed 2026-03-04 <!channel> <@U0ANA001> <!subteam^S1|@team>"), default));

        var update = Assert.Single(host.Slack.UpdatesIn(Jobs));
        Assert.Equal(ts, update.Arg("ts"));
        Assert.Equal("none", update.Arg("parse"));
        Assert.Equal("false", update.Arg("link_names"));
        var blocks = update.Json("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("Filled: job lead #1, Cataloger — KU & Co", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("Closed 2026-03-04 &lt;!channel&gt; <@U0ANA001> &lt;!subteam^S1|@team&gt;", blocks[1].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("KU &amp; Co", update.Arg("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("<!", update.Arg("text"), StringComparison.Ordinal);
        Assert.Single(host.Slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task Editing_a_deleted_message_answers_false_and_other_refusals_throw()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        var messenger = host.Get<SlackMessenger>();
        var postRef = (await messenger.PostAsync(Card("a\nb"), default))!;
        host.Slack.DeleteMessage(Jobs, postRef.Split('/')[1]);

        Assert.False(await messenger.EditAsync(postRef, Card("closed\nb"), default));
        Assert.False(Assert.Single(host.Slack.CallsOf("chat.update")).Ok);

        host.Slack.FailNext("chat.update", "cant_update_message");
        Assert.False(await messenger.EditAsync(postRef, Card("closed\nb"), default));

        host.Slack.FailNext("chat.update", "missing_scope", needed: "chat:write", provided: "commands");
        var error = await Assert.ThrowsAsync<SlackApiException>(() => messenger.EditAsync(postRef, Card("closed\nb"), default));
        Assert.Equal("missing_scope", error.Error);
        Assert.False(await messenger.EditAsync("not-a-reference", Card("closed\nb"), default));
        Assert.Equal(3, host.Slack.CallsOf("chat.update").Count);
    }
}
