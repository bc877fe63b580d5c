using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Core.Tests.CoffeeChats;

/// <summary>Issue 18: the announcement stays one short message however large the round, so it never holds up the DMs.</summary>
public sealed class AnnouncementTests
{
    [Fact]
    public void A_thousand_member_round_is_announced_in_a_few_hundred_characters_without_a_mention()
    {
        var groups = Enumerable.Range(0, 499).Select(i => new RoundGroup(i, [$"{100000000000000000 + (2 * i)}", $"{100000000000000001 + (2 * i)}"], "why")).ToList();
        var at = new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
        var round = new Round("r1", "discord:1", "slot", 7, at, at, RoundStatus.Planned, 1, groups, ["100000000000009999"], at.AddDays(4));
        var program = TestData.Program();

        var text = CoffeeTexts.Announcement(program, round, 999);

        Assert.InRange(text.Length, 1, 400); // one part on every platform (Discord's 2,000, Slack's 3,000 per section)
        Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
        Assert.StartsWith("☕ Coffee chat round 7 (Monday 7 December, 15:00 UTC) is out: 999 members in 499 groups. 1 member was alone this time", text, StringComparison.Ordinal);
    }
}
