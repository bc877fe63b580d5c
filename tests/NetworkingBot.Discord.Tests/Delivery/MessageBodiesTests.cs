using NetworkingBot.Testing.Fakes;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Delivery;

namespace NetworkingBot.Discord.Tests.Delivery;

public sealed class MessageBodiesTests
{
    private readonly RecordingLogger<MessageBodiesTests> _logger = new();

    [Fact]
    public void Allowed_mentions_list_only_user_mentions_so_everyone_here_and_roles_never_ping()
    {
        var body = Assert.Single(MessageBodies.Build("@everyone @here <@&555> meet <@111> and <@!222>, again <@111>", [], "k", null, _logger));

        Assert.Empty(body.AllowedMentions.Parse);
        Assert.Equal(["111", "222"], body.AllowedMentions.Users);
    }

    [Fact]
    public void Long_text_splits_at_line_breaks_within_2000_and_keeps_every_line()
    {
        var lines = Enumerable.Range(0, 120).Select(i => $"line {i:000} with <@{100000 + i}> and some words to fill it").ToList();
        var text = string.Join('\n', lines);

        var parts = MessageSplitter.Split(text);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, MessageSplitter.MaxLength));
        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_cut_outside_mentions()
    {
        // No spaces: the cut would land inside the mention at 1998 unless it moves before the '<'.
        var text = new string('a', 1995) + "<@123456789012345678>" + new string('b', 100);

        var parts = MessageSplitter.Split(text);

        Assert.Equal(2, parts.Count);
        Assert.Equal(new string('a', 1995), parts[0]);
        Assert.StartsWith("<@123456789012345678>", parts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Buttons_ride_on_the_last_part_and_mentions_follow_each_part()
    {
        var text = "<@1> first\n" + new string('x', 1980) + "\n<@2> second";

        var bodies = MessageBodies.Build(text, [new ButtonSpec("Met", "/coffee checkin round:r1 answer:met", ButtonStyle.Success)], "round:r1:intro:1", null, _logger);

        Assert.Equal(2, bodies.Count);
        Assert.Null(bodies[0].Components);
        Assert.Equal(["1"], bodies[0].AllowedMentions.Users);
        Assert.Equal(["2"], bodies[1].AllowedMentions.Users);
        var button = Assert.Single(Assert.Single(bodies[1].Components!).Components);
        Assert.Equal((2, 3, "Met", "/coffee checkin round:r1 answer:met"), (button.Type, button.Style, button.Label, button.CustomId));
        Assert.NotEqual(bodies[0].Nonce, bodies[1].Nonce);
    }

    [Fact]
    public void Buttons_fill_rows_of_five_drop_too_long_or_duplicate_commands_and_shorten_labels()
    {
        var buttons = Enumerable.Range(0, 7).Select(i => new ButtonSpec(i == 0 ? new string('L', 90) : $"B{i}", $"/cmd {i}", ButtonStyle.Primary)).ToList();
        buttons.Add(new ButtonSpec("Long", "/" + new string('c', 100)));
        buttons.Add(new ButtonSpec("Again", "/cmd 1"));

        var rows = MessageBodies.Rows(buttons, null, _logger);

        Assert.Equal([5, 2], rows.Select(r => r.Components.Count));
        Assert.All(rows, r => Assert.Equal(1, r.Type));
        Assert.Equal(80, rows[0].Components[0].Label.Length);
        Assert.DoesNotContain(rows.SelectMany(r => r.Components), b => b.CustomId.Length > 100);
        Assert.Equal(2, _logger.Entries.Count);
    }

    [Fact]
    public void A_DM_with_several_lines_is_a_headline_and_an_embed_and_a_channel_post_stays_content()
    {
        const string intro = "☕ Coffee chat, round 1: you're meeting <@222>!\nWhy you were matched: you both work in archives.\nSuggested agenda: …";

        var dm = Assert.Single(MessageBodies.Build(intro, [], "k", "1", _logger, embed: true));
        var post = Assert.Single(MessageBodies.Build(intro, [], "k", "1", _logger));

        Assert.Equal("☕ Coffee chat, round 1: you're meeting <@222>!", dm.Content);
        var dmEmbed = Assert.Single(dm.Embeds!);
        Assert.StartsWith("Why you were matched", dmEmbed.Description, StringComparison.Ordinal);
        Assert.Equal(MessageBodies.Reference("k"), dmEmbed.Footer!.Text);
        Assert.Equal(["222"], dm.AllowedMentions.Users);
        // A post's only embed is the footer with its delivery reference.
        var postEmbed = Assert.Single(post.Embeds!);
        Assert.Null(postEmbed.Description);
        Assert.Equal(MessageBodies.Reference("k"), postEmbed.Footer!.Text);
        Assert.Equal(intro, post.Content);
    }

    [Fact]
    public void A_DM_too_long_for_one_embed_falls_back_to_content_parts()
    {
        var text = "headline\n" + string.Join('\n', Enumerable.Repeat(new string('x', 99), 50));

        var bodies = MessageBodies.Build(text, [], "k", null, _logger, embed: true);

        Assert.True(bodies.Count > 1);
        Assert.Null(Assert.Single(bodies[0].Embeds!).Description);
        Assert.All(bodies.Skip(1), b => Assert.Null(b.Embeds));
    }

    [Fact]
    public void Buttons_carry_their_guild_so_a_click_in_a_DM_acts_in_the_right_server()
    {
        var rows = MessageBodies.Rows([new ButtonSpec("We met", "/coffee checkin round:r1 answer:met")], "290926798626357999", _logger);

        var id = Assert.Single(Assert.Single(rows).Components).CustomId;
        Assert.Equal("g290926798626357999 /coffee checkin round:r1 answer:met", id);
        Assert.Equal(("290926798626357999", "/coffee checkin round:r1 answer:met"), NetworkingBot.Discord.Interactions.ButtonIds.Decode(id));
    }

    [Fact]
    public void Nonce_is_stable_and_at_most_25_characters()
    {
        var a = MessageBodies.Nonce("round:abc:intro:alice", 0);

        Assert.Equal(25, a.Length);
        Assert.Equal(a, MessageBodies.Nonce("round:abc:intro:alice", 0));
        Assert.NotEqual(a, MessageBodies.Nonce("round:abc:intro:alice", 1));
        Assert.NotEqual(a, MessageBodies.Nonce("round:abc:intro:bob", 0));
    }
}
