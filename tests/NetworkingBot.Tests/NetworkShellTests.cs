namespace NetworkingBot.Tests;

/// <summary>
/// The scripted check, through the real host, shell and SQLite store: samples/network.txt. Members are
/// paired, answer "We met", and the clock moves a day, a month and three months.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class NetworkShellTests
{
    private static readonly string[] Script = File.ReadAllLines(Path.Combine(Root(), "samples", "network.txt"));

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetworkingBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    [Fact]
    public async Task Met_members_get_each_nudge_once_keep_a_log_introduce_and_every_bad_input_is_refused()
    {
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(), Script, clockStart: "2026-03-02T12:00:00Z");
        int Dms(string user, string text) => lines.Count(l => l.Kind == "dm" && l.To == user && l.Text.Contains(text, StringComparison.Ordinal));
        ShellLine Reply(string user, string text) => Assert.Single(lines, l => l.Kind == "reply" && l.To == user && l.Text.Contains(text, StringComparison.Ordinal));

        // One "We met" logged the chat for both; each nudge came once, to each member it applied to.
        Assert.Equal(1, Dms("alice", "Did you thank bob for the chat?"));
        Assert.Equal(1, Dms("bob", "Did you thank alice for the chat?"));
        Assert.Equal(1, Dms("alice", "It's been a month since you met bob."));
        Assert.Equal(1, Dms("bob", "It's been a month since you met alice."));
        Assert.Equal(1, Dms("alice", "You last spoke with bob on 6 March 2026."));
        Assert.Equal(0, Dms("bob", "You last spoke with"));
        Assert.Contains(lines, l => l.To == "alice" && l.Buttons.SequenceEqual(["We spoke recently (bob)", "Remind me in a month", "Stop reminders about bob"]));

        // Each nudge came in its member's local morning: alice in Chicago, bob in London, hours apart in UTC.
        foreach (var (user, zone) in new[] { ("alice", "America/Chicago"), ("bob", "Europe/London") })
        {
            var nudges = lines.Where(l => l.Kind == "dm" && l.To == user && (l.Text.Contains("Did you thank", StringComparison.Ordinal)
                || l.Text.Contains("It's been a month", StringComparison.Ordinal) || l.Text.Contains("You last spoke with", StringComparison.Ordinal))).ToList();
            Assert.NotEmpty(nudges);
            foreach (var nudge in nudges)
            {
                var local = TimeZoneInfo.ConvertTime(nudge.At!.Value, TimeZoneInfo.FindSystemTimeZoneById(zone));
                Assert.True(local.Hour is >= 8 and < 10, $"{user}'s nudge came at {local:yyyy-MM-dd HH:mm} {zone}: {nudge.Text}");
            }
        }

        // The log: list, a private note (sanitised, never pinging), spoke, and the button that sets last spoke.
        Reply("alice", "• bob — coffee chat, round 1; last spoke 6 March 2026");
        var show = Reply("alice", "Your notes:").Text;
        Assert.Contains("Ask about the digitisation grant", show, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", show, StringComparison.Ordinal);
        Assert.DoesNotContain("](", show, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.To == "bob" && l.Text.Contains("digitisation", StringComparison.Ordinal));
        Reply("bob", "Noted: you last spoke with @alice on 6 April 2026.");
        Reply("alice", "Noted: you spoke with @bob recently.");
        Reply("alice", "• bob — coffee chat, round 1; last spoke 6 June 2026");
        Reply("alice", "Your network log: 1 contact, in network-2026-06-06.csv.");

        // The introduction: a DM to each (the shell has no group DMs), both logs, and only the acceptance is told.
        Assert.Equal(1, Dms("alice", "sam would like to introduce you to carol."));
        Assert.Equal(1, Dms("carol", "sam would like to introduce you to alice."));
        Assert.Equal(1, Dms("sam", "alice will reach out to carol"));
        Assert.Single(lines, l => l.Kind == "dm" && l.To == "sam");
        Reply("carol", "• alice — introduced by @sam; meeting planned");

        // Every bad input was refused with its reason.
        string[] refusals = ["member_is_self", "not_a_member", "date_in_future", "page_out_of_range", "missing_option", "intro_repeated", "member_is_self", "missing_option", "not_a_member"];
        Assert.Equal(refusals, lines.Where(l => l.Error is not null).Select(l => l.Error));
    }
}
