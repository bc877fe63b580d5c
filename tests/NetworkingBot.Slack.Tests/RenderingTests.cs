using System.Text.Json;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Rendering;

namespace NetworkingBot.Slack.Tests;

/// <summary>Escaping, Block Kit shape, and how the messenger opens DMs and group DMs.</summary>
public sealed class RenderingTests
{
    [Theory]
    [InlineData("<!channel> look", "&lt;!channel&gt; look")]
    [InlineData("hey <!here>", "hey &lt;!here&gt;")]
    [InlineData("<!everyone>", "&lt;!everyone&gt;")]
    [InlineData("<!subteam^S012AB3C4|@librarians>", "&lt;!subteam^S012AB3C4|@librarians&gt;")]
    [InlineData("<https://evil.example|harmless>", "&lt;https://evil.example|harmless&gt;")]
    [InlineData("Books & Bytes > Scrolls", "Books &amp; Bytes &gt; Scrolls")]
    [InlineData("<@U123ABC|fake label>", "&lt;@U123ABC|fake label&gt;")]
    public void User_text_cannot_ping_or_inject(string text, string expected) =>
        Assert.Equal(expected, SlackText.Escape(text));

    [Fact]
    public void The_cores_own_mentions_keep_working()
    {
        Assert.Equal("Meet <@U123ABC456> &amp; <@W012A3CDE> in <#C0123ABCD>: &lt;!channel&gt;",
            SlackText.Escape("Meet <@U123ABC456> & <@W012A3CDE> in <#C0123ABCD>: <!channel>"));
    }

    [Fact]
    public void A_message_with_buttons_is_a_section_plus_an_actions_block_with_the_commands_as_values()
    {
        var message = BlockKit.Message("How did it go with <@U0BOB002>?",
            [new ButtonSpec("We met", "/coffee checkin round:r1 answer:met", ButtonStyle.Success), new ButtonSpec("Not this time", "/coffee checkin round:r1 answer:not-this-time", ButtonStyle.Danger), new ButtonSpec("Scheduled", "/coffee checkin round:r1 answer:scheduled")]);
        var json = JsonSerializer.Deserialize<JsonElement>(message.ToJsonString());

        Assert.Equal("How did it go with <@U0BOB002>?", json.GetProperty("text").GetString());
        var blocks = json.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["section", "actions"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("mrkdwn", blocks[0].GetProperty("text").GetProperty("type").GetString());
        var buttons = blocks[1].GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(["/coffee checkin round:r1 answer:met", "/coffee checkin round:r1 answer:not-this-time", "/coffee checkin round:r1 answer:scheduled"],
            buttons.Select(b => b.GetProperty("value").GetString()));
        Assert.Equal(3, buttons.Select(b => b.GetProperty("action_id").GetString()).Distinct().Count());
        Assert.Equal("primary", buttons[0].GetProperty("style").GetString());
        Assert.Equal("danger", buttons[1].GetProperty("style").GetString());
        Assert.False(buttons[2].TryGetProperty("style", out _));
    }

    [Fact]
    public void Long_text_is_split_into_sections_under_slacks_limit_without_losing_any()
    {
        var text = string.Join('\n', Enumerable.Range(0, 400).Select(i => $"Line {i} about archives & metadata"));
        // An answer is rendered whole (it is sent in parts when large); a single message is held to a budget.
        var json = JsonSerializer.Deserialize<JsonElement>(BlockKit.Ephemeral(CommandResult.Ok(text)).ToJsonString());

        var sections = json.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetProperty("text").GetString()!).ToList();
        Assert.True(sections.Count > 1);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, 3000));
        Assert.Equal(SlackText.Escape(text).Replace("\n", "", StringComparison.Ordinal), string.Concat(sections).Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_message_opens_one_conversation_with_all_members_and_posts_once()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        var messenger = host.Get<SlackMessenger>();

        await messenger.SendAsync(OutboundMessage.ToGroup(SlackTestHost.Community, ["U0CAT003", "U0ANA001", "U0BOB002"], "Meet <@U0ANA001>, <@U0BOB002> and <@U0CAT003>! <!channel>", "r1:intro:g0"), default);

        var open = Assert.Single(host.Slack.CallsOf("conversations.open"));
        Assert.Equal("U0ANA001,U0BOB002,U0CAT003", open.Arg("users"));
        var post = Assert.Single(host.Slack.CallsOf("chat.postMessage"));
        Assert.Equal(["U0ANA001", "U0BOB002", "U0CAT003"], host.Slack.MembersOf(post.Arg("channel")!));
        Assert.Equal("Meet <@U0ANA001>, <@U0BOB002> and <@U0CAT003>! &lt;!channel&gt;", post.Arg("text"));
        Assert.True(messenger.SupportsGroups);
        Assert.Equal(Platform.Slack, messenger.Platform);
    }

    [Fact]
    public async Task Direct_messages_reuse_the_opened_dm_and_channel_posts_go_straight_to_the_channel()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        var messenger = host.Get<SlackMessenger>();

        await messenger.SendAsync(OutboundMessage.ToUser(SlackTestHost.Community, "U0ANA001", "first", "k1"), default);
        await messenger.SendAsync(OutboundMessage.ToUser(SlackTestHost.Community, "U0ANA001", "second", "k2"), default);
        await messenger.SendAsync(OutboundMessage.ToChannel(SlackTestHost.Community, "C111", "Round 1 is out", "k3"), default);

        Assert.Single(host.Slack.CallsOf("conversations.open"));
        var posts = host.Slack.CallsOf("chat.postMessage");
        Assert.Equal(3, posts.Count);
        Assert.Equal(posts[0].Arg("channel"), posts[1].Arg("channel"));
        Assert.StartsWith("D", posts[0].Arg("channel"), StringComparison.Ordinal);
        Assert.Equal("C111", posts[2].Arg("channel"));
        Assert.All(posts, p => Assert.Equal("false", p.Arg("link_names")));
    }
}
