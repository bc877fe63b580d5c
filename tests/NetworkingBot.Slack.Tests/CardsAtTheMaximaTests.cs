using System.Text.Json.Nodes;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Slack.Rendering;
using static NetworkingBot.Testing.Builders.AtTheMaxima;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// The core's longest job card and interview intro, rendered for Slack: nothing is clipped by the renderer's
/// budgets (3,000 characters for a card, 3,000 per section), and every name and the link arrive whole.
/// </summary>
public sealed class CardsAtTheMaximaTests
{
    // Slack's ids: the renderer keeps only mentions of this shape unescaped.
    private const string Ana = "U0ANA0012345";
    private const string Bob = "W0BOB0012345";
    [Fact]
    public void The_longest_card_arrives_whole_with_its_names_in_a_bold_section_instead_of_a_clipped_header()
    {
        var lead = Lead() with { SharerId = Ana };

        var message = CardBlocks.Message(JobTexts.Post(lead), []);

        var sections = SectionTexts(message);
        Assert.NotEqual("header", Blocks(message)[0]["type"]!.GetValue<string>());
        Assert.InRange(sections.Sum(t => t.Length), 1, SlackLimits.CardText);
        var shown = string.Join('\n', sections);
        Assert.DoesNotContain("more characters were cut", shown, StringComparison.Ordinal);
        Assert.StartsWith($"*New job lead #2147483647: {lead.Title}* — {lead.Employer}\n", shown, StringComparison.Ordinal);
        foreach (var whole in new[] { lead.Location!, lead.Salary!, SlackText.Escape(lead.Link!), $"Shared by <@{Ana}>" })
        {
            Assert.Contains(whole, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_card_whose_headline_fits_keeps_its_header()
    {
        var lead = Lead() with { Title = "Metadata Librarian", Employer = "KU Libraries" };

        var message = CardBlocks.Message(JobTexts.Post(lead), []);

        Assert.Equal("header", Blocks(message)[0]["type"]!.GetValue<string>());
        Assert.Equal("New job lead #2147483647: Metadata Librarian — KU Libraries", Blocks(message)[0]["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_longest_interview_intro_is_one_section_with_both_names()
    {
        var message = BlockKit.Message(InterviewTexts.IntroForGroup(Request() with { RequesterId = Ana }, Offer() with { UserId = Bob }), []);

        var section = Assert.Single(SectionTexts(message));
        Assert.InRange(section.Length, 1, SlackLimits.SectionText);
        Assert.Contains($"<@{Ana}>, meet <@{Bob}>", section, StringComparison.Ordinal);
        Assert.Contains(Offer().Contact!, section, StringComparison.Ordinal);
    }

    private static List<JsonObject> Blocks(JsonObject message) => [.. ((JsonArray)message["blocks"]!).OfType<JsonObject>()];

    private static List<string> SectionTexts(JsonObject message) =>
        [.. Blocks(message).Where(b => b["type"]!.GetValue<string>() == "section").Select(b => b["text"]!["text"]!.GetValue<string>())];
}
