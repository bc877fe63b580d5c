using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Rendering;

namespace NetworkingBot.Slack.Tests;

/// <summary>Whole messages within Slack's limits: the block and text budget, visible cuts, balanced code fences, parts.</summary>
public sealed class MessageBudgetTests
{
    private static readonly string Long = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"Line {i:D4} about archives & metadata"));

    private static readonly string LongCode = "Here is everything:\n```json\n" + string.Join('\n', Enumerable.Range(0, 2500).Select(i => $"  \"line{i:D4}\": \"a & b < c\",")) + "\n```\nThe end.";

    [Fact]
    public void A_message_is_held_to_50_blocks_and_the_text_budget_with_a_visible_cut()
    {
        var buttons = new[] { new ButtonSpec("We met", "/coffee checkin round:r1 answer:met") };
        var message = BlockKit.Message(Long, buttons);

        var blocks = Blocks(message);
        Assert.InRange(blocks.Count, 2, SlackLimits.MessageBlocks);
        Assert.InRange(SectionTexts(message).Sum(t => t.Length), 1, SlackLimits.MessageText);
        Assert.Contains("more characters were cut", SectionTexts(message)[^1], StringComparison.Ordinal);
        Assert.Equal("actions", blocks[^1]["type"]!.GetValue<string>());
        Assert.InRange(message["text"]!.GetValue<string>().Length, 1, SlackLimits.MessageText);
        Assert.StartsWith("Line 0000 about archives &amp; metadata", SectionTexts(message)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_is_held_to_the_card_budget_under_its_header()
    {
        // A lead at every field's maximum, full of characters that escaping lengthens.
        var card = "**New job lead #1: " + new string('&', 120) + "**\n" + new string('<', 1000) + "\n" + new string('&', 1000) + "\nhttps://example.org/" + new string('a', 480);
        var message = CardBlocks.Message(card, []);

        Assert.Equal("header", Blocks(message)[0]["type"]!.GetValue<string>());
        Assert.InRange(SectionTexts(message).Sum(t => t.Length), 1, SlackLimits.CardText);
        Assert.Contains("more characters were cut", SectionTexts(message)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_view_is_held_to_100_blocks()
    {
        var blocks = BlockKit.ViewBlocks(string.Join('\n', Enumerable.Range(0, 400).Select(i => new string('x', 2990))));

        Assert.InRange(blocks.Count, 2, SlackLimits.ViewBlocks);
        Assert.Contains("more characters were cut", blocks[^1]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Code_fences_stay_balanced_in_every_section_of_every_part()
    {
        var answer = BlockKit.Ephemeral(CommandResult.Ok(LongCode));
        var parts = MessageParts.Split(answer);

        Assert.True(parts.Count > 1);
        Assert.All(parts.SelectMany(SectionTexts), t => Assert.True(Fences(t) % 2 == 0, $"unbalanced: {t[..40]}…{t[^40..]}"));
        Assert.All(SectionTexts(BlockKit.Message(LongCode, [])), t => Assert.True(Fences(t) % 2 == 0));
    }

    [Fact]
    public void A_long_answer_splits_into_parts_within_slacks_limits_and_loses_nothing()
    {
        var buttons = new[] { new ButtonSpec("Forget me", "/networking forget-me") };
        var answer = BlockKit.Ephemeral(new Reply(Long, buttons));
        var parts = MessageParts.Split(answer);

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p =>
        {
            Assert.InRange(Blocks(p).Count, 1, SlackLimits.MessageBlocks);
            Assert.InRange(SectionTexts(p).Sum(t => t.Length), 1, SlackLimits.MessageText);
            Assert.Equal("ephemeral", p["response_type"]!.GetValue<string>());
        });
        Assert.Equal(string.Concat(SectionTexts(answer)), string.Concat(parts.SelectMany(SectionTexts)));
        Assert.Single(parts.SelectMany(Blocks), b => b["type"]!.GetValue<string>() == "actions");
        Assert.Equal("actions", Blocks(parts[^1])[^1]["type"]!.GetValue<string>());
        Assert.False(MessageParts.FitsAck("e-1", answer));
        Assert.True(MessageParts.FitsAck("e-1", BlockKit.Ephemeral(CommandResult.Ok("short"))));
    }

    [Theory]
    [InlineData("**New job lead #3: Archivist** — Lawrence", "*New job lead #3: Archivist* — Lawrence")]
    [InlineData("a **b** and **c d**", "a *b* and *c d*")]
    [InlineData("keep `**code**` and\n```\n**fenced**\n```\nbut **this**", "keep `**code**` and\n```\n**fenced**\n```\nbut *this*")]
    [InlineData("2 ** 3 and ** alone", "2 ** 3 and ** alone")]
    public void Markdown_bold_becomes_mrkdwn_bold(string core, string slack)
    {
        var message = BlockKit.Message(core, []);

        Assert.Equal(slack, Assert.Single(SectionTexts(message)));
        Assert.Equal(slack, message["text"]!.GetValue<string>());
    }

    private static List<JsonObject> Blocks(JsonObject message) => [.. ((JsonArray)message["blocks"]!).OfType<JsonObject>()];

    private static List<string> SectionTexts(JsonObject message) =>
        [.. Blocks(message).Where(b => b["type"]!.GetValue<string>() == "section").Select(b => b["text"]!["text"]!.GetValue<string>())];

    private static int Fences(string text) => (text.Length - text.Replace("```", "", StringComparison.Ordinal).Length) / 3;
}
