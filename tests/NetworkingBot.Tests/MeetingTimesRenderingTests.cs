using System.Globalization;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Core.Scheduling;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Shell;
using NetworkingBot.Slack.Rendering;
using Xunit;

namespace NetworkingBot.Tests;

/// <summary>
/// One intro for members in three zones, rendered by each adapter: Discord and Slack show each reader their own local
/// time (the platform localises the instant), the shell spells the time out in every member's zone.
/// </summary>
public sealed class MeetingTimesRenderingTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly Member[] Trio =
    [
        Member("ana", "America/New_York"),
        Member("bob", "Europe/London"),
        Member("cat", "Asia/Kolkata"),
    ];

    private static readonly string Intro = CoffeeTexts.Intro(
        new Round("r1", "console:test", "slot", 1, At, At, RoundStatus.Planned, 7, [new RoundGroup(0, ["ana", "bob", "cat"], "why")], [], At.AddDays(4)),
        new RoundGroup(0, ["ana", "bob", "cat"], "why"), Trio[0], [Trio[1], Trio[2]], 4);

    private static readonly IReadOnlyList<DateTimeOffset> Slots = MeetingSlots.Suggest(At, ["America/New_York", "Europe/London", "Asia/Kolkata"]);

    [Fact]
    public void Discord_shows_each_slot_as_a_timestamp_every_reader_sees_in_their_own_zone()
    {
        var text = DiscordTimes.Render(Intro);

        Assert.NotEmpty(Slots);
        Assert.All(Slots, s => Assert.Contains($"• <t:{s.ToUnixTimeSeconds()}:F>\n", text, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001F', text);
    }

    [Fact]
    public void Slack_shows_each_slot_as_a_date_every_reader_sees_in_their_own_zone_with_a_utc_fallback()
    {
        var text = SlackText.Escape(Intro);

        Assert.All(Slots, s => Assert.Contains(
            $"<!date^{s.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|{s.UtcDateTime.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC>", text, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001F', text);
    }

    [Fact]
    public void The_shell_spells_each_slot_out_in_all_three_zones()
    {
        var text = ShellText.Render(Intro);

        var lines = text.Split('\n').Where(l => l.StartsWith("   • ", StringComparison.Ordinal) && l.Contains(" = ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Slots.Count, lines.Count);
        Assert.All(Slots.Zip(lines), p =>
        {
            var (s, line) = p;
            Assert.StartsWith($"   • {TimeZoneInfo.ConvertTime(s, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).ToString("ddd d MMM", CultureInfo.InvariantCulture)} ", line, StringComparison.Ordinal);
            foreach (var zone in new[] { "America/New_York", "Europe/London", "Asia/Kolkata" })
            {
                Assert.Contains($"{Local(s, zone)} {zone}", line, StringComparison.Ordinal);
            }
        });
        Assert.DoesNotContain('\u001F', text);
    }

    private static string Local(DateTimeOffset at, string zone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static Member Member(string id, string zone) =>
        new("console:test", id, id, new MemberProfile([], zone, CareerStage.Unspecified, LookingFor.Any, MeetingFormat.Virtual, null, Cadence.Weekly),
            MemberStatus.Active, At.AddDays(-30), null, false, 0, null);
}
