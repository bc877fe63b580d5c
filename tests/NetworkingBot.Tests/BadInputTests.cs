namespace NetworkingBot.Tests;

[Collection(HostCollection.Name)]
public sealed class BadInputTests
{
    [Fact]
    public async Task Each_bad_command_gets_a_clear_reply_and_changes_nothing_stored()
    {
        string[] probe = ["@alice /networking export-me", "@alice /coffee status", "@admin /coffee stats"];
        string[] bad =
        [
            "@alice /coffee dance",
            "@alice /coffee edit tz:Mars/Olympus",
            "@alice /coffee edit cadence:hourly",
            $"@alice /coffee edit region:\"{new string('x', 5000)}\"",
            "@alice /coffee pause until:2020-01-01",
            "@alice /coffee setup day:friday",
            "@alice /coffee pair-now",
            "@alice /coffee edit colour:blue",
            "@alice /coffee join tz:\"America/Chicago",
        ];
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(),
            [Scripts.Setup, Scripts.FiveMembers[0], Scripts.FiveMembers[1], "@admin /coffee pair-now", .. probe, .. bad, .. probe]);

        var replies = lines.Where(l => l.Kind == "reply").ToList();
        var before = replies.Skip(4).Take(probe.Length).Select(r => r.Text).ToList();
        var errors = replies.Skip(4 + probe.Length).Take(bad.Length).ToList();
        var after = replies.Skip(4 + probe.Length + bad.Length).Select(r => r.Text).ToList();

        Assert.Equal(
            ["unknown_subcommand", "bad_timezone", "bad_choice", "region_too_long", "date_in_past", "not_organizer", "not_organizer", "unknown_option", "unclosed_quote"],
            errors.Select(e => e.Error));
        Assert.Contains("Try one of:", errors[0].Text, StringComparison.Ordinal);
        Assert.Contains("America/Chicago", errors[1].Text, StringComparison.Ordinal);
        Assert.Contains("`weekly`", errors[2].Text, StringComparison.Ordinal);
        Assert.Contains("at most 100 characters", errors[3].Text, StringComparison.Ordinal);
        Assert.Contains("not in the future", errors[4].Text, StringComparison.Ordinal);
        Assert.Contains("organisers only", errors[5].Text, StringComparison.Ordinal);
        Assert.Contains("Usage: `/coffee edit", errors[7].Text, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.True(e.Text.Length < 1000, "an error reply echoes at most a clipped value"));
        Assert.Equal(before, after);
        Assert.Single(lines, l => l.Kind == "channel");
    }
}
