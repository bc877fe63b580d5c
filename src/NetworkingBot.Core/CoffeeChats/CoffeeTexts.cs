using System.Globalization;
using System.Text;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// The words of coffee-chat announcements, intros and check-ins. Mentions use the &lt;@id&gt; form that Discord
/// and Slack both render as a clickable name; the console shell prints them as @name.
/// </summary>
public static class CoffeeTexts
{
    /// <summary>Conversation starters; each group gets three, picked with the round's seed.</summary>
    public static readonly IReadOnlyList<string> Starters =
    [
        "What's something you wish more new professionals understood about this field?",
        "What's the biggest challenge in your current role?",
        "How did you get started in this area of librarianship?",
        "What project are you proudest of this year?",
        "Which skill has mattered most in your career so far, and how did you learn it?",
        "What's a tool, workflow or standard you think is underrated?",
        "What does a good day at work look like for you?",
        "Who or what helped you most when you were starting out?",
        "What's changing in your corner of the profession, and how do you feel about it?",
        "If you could get one piece of advice to your first-year self, what would it be?",
    ];

    public static string Mention(string userId) => $"<@{userId}>";

    /// <summary>"1 group", "2 groups": a count with its noun (regular plurals only).</summary>
    public static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>
    /// The round's announcement in the program's channel: a summary (counts, where to find your match), never the list
    /// of pairs. One short message with no mentions, whatever the round's size: a list of every pair ran to a dozen
    /// parts at 1,000 members and held the channel's rate-limit bucket while the DMs waited; each member's DM (and
    /// <c>/coffee status</c>) says who they meet.
    /// </summary>
    public static string Announcement(CoffeeSchedule program, Round round, int participants)
    {
        var local = TimeZoneInfo.ConvertTime(round.ScheduledFor, Scheduling.RoundSchedule.Zone(program.TimeZone));
        var trios = round.Groups.Count(g => g.Members.Count >= 3);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"☕ Coffee chat round {round.Number} ({local:dddd d MMMM, HH:mm} {program.TimeZone}) is out: {Count(participants, "member")} in {Count(round.Groups.Count, "group")}");
        text.Append(trios > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({trios} of them {(trios == 1 ? "a trio" : "trios")}).") : ".");
        if (round.Unmatched.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {(round.Unmatched.Count == 1 ? "1 member was" : $"{round.Unmatched.Count} members were")} alone this time and will be first in line next round.");
        }

        text.Append("\nCheck your DMs for your partner, why you were matched and a 20-minute agenda; `/coffee status` shows your partner too. Not in yet? Type `/coffee join`.");
        return text.ToString();
    }

    /// <summary>
    /// One member's intro: who they meet and why, a note for any wish the group could not meet, an agenda, suggested
    /// meeting times that suit everyone, and the next step.
    /// </summary>
    public static string Intro(Round round, RoundGroup group, Member reader, IReadOnlyList<Member> partners, int checkInDays)
    {
        var names = string.Join(" and ", partners.Select(p => Mention(p.UserId)));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"☕ Coffee chat, round {round.Number}: you're meeting {names}!\n");
        AppendBody(text, round, group, partners, [reader, .. partners], reader.UserId);
        var them = partners.Count == 1 ? MemberNames.Of(partners[0].DisplayName, partners[0].UserId) : "them";
        MeetingTimesText.Append(text, round, [reader, .. partners], $"send {them} a message");
        text.Append(CultureInfo.InvariantCulture, $"In {checkInDays} day{(checkInDays == 1 ? "" : "s")} I'll ask how it went.");
        return text.ToString();
    }

    /// <summary>One intro for the whole group, where the platform can hold a conversation with all of them.</summary>
    public static string GroupIntro(Round round, RoundGroup group, IReadOnlyList<Member> members, int checkInDays)
    {
        var names = members.Select(m => Mention(m.UserId)).ToList();
        var joined = names.Count == 2 ? $"{names[0]} and {names[1]}" : string.Join(", ", names[..^1]) + " and " + names[^1];
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"☕ Coffee chat, round {round.Number}: {joined}, you're matched!\n");
        AppendBody(text, round, group, members, members, readerId: null);
        MeetingTimesText.Append(text, round, members, "reply here");
        text.Append(CultureInfo.InvariantCulture, $"In {checkInDays} day{(checkInDays == 1 ? "" : "s")} I'll ask each of you how it went.");
        return text.ToString();
    }

    private static void AppendBody(StringBuilder text, Round round, RoundGroup group, IReadOnlyList<Member> people, IReadOnlyList<Member> everyone, string? readerId)
    {
        text.Append("Why you were matched: ").Append(group.Why).Append('\n');
        foreach (var note in WishNotes.For(everyone, readerId, round.ScheduledFor))
        {
            text.Append(note).Append('\n');
        }

        foreach (var person in people)
        {
            text.Append(CultureInfo.InvariantCulture, $"About {MemberNames.Of(person.DisplayName, person.UserId)}: {ProfileText.Describe(person.Profile)}\n");
        }

        text.Append("Suggested 20-minute agenda:\n");
        text.Append("1. Two minutes each: your elevator pitch (who you are, what you work on, what you're curious about).\n");
        text.Append("2. About twelve minutes of conversation. Some starters:\n");
        foreach (var starter in StartersFor(round.Seed, group.Index))
        {
            text.Append("   • ").Append(starter).Append('\n');
        }

        text.Append("3. The last few minutes: what would help each of you next, and whether to stay in touch.\n");
    }

    public static string CheckIn(Round round, IReadOnlyList<string> partners) =>
        $"How did your coffee chat with {string.Join(" and ", partners.Select(Mention))} go (round {round.Number})? Tap one: it helps us see whether the program works.";

    public static ButtonSpec[] CheckInButtons(string roundId) =>
    [
        new("We met", $"/coffee checkin round:{roundId} answer:met", ButtonStyle.Success),
        new("Scheduled", $"/coffee checkin round:{roundId} answer:scheduled", ButtonStyle.Primary),
        new("Not this time", $"/coffee checkin round:{roundId} answer:not-this-time", ButtonStyle.Secondary),
    ];

    /// <summary>Posted in the program's channel when an intro could not be DMed; it names only that member.</summary>
    public static string DirectMessagesClosed(string userId) =>
        $"{Mention(userId)} I couldn't send you this round's coffee-chat intro: your direct messages are closed. Allow DMs from server members (server menu → Privacy Settings), then `/coffee status` shows your partner.";

    public const string AutoPaused =
        "I've paused your coffee chats because the last three check-ins went unanswered. No worries: type `/coffee resume` whenever you'd like to be paired again.";

    private static IEnumerable<string> StartersFor(int seed, int groupIndex)
    {
        // Deterministic (not HashCode.Combine, which is randomised per process) so a resumed delivery says the same.
        var random = new Random(unchecked((seed * 397) ^ groupIndex));
        return Starters.OrderBy(_ => random.Next()).Take(3);
    }
}
