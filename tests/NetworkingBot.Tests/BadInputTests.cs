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
            ["unknown_subcommand", "bad_timezone", "bad_choice", "region_too_long", "date_in_past", "not_organiser", "not_organiser", "unknown_option", "unclosed_quote"],
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

    /// <summary>Issue 12's lines: dates beyond any sane bound and look-alike hosts, each answered by name, nothing stored.</summary>
    [Fact]
    public async Task Out_of_range_dates_and_look_alike_hosts_get_their_own_answer_and_change_nothing()
    {
        string[] setup =
        [
            Scripts.Setup, "@admin /job setup channel:#jobs",
            "@kiri /coffee join interests:archives tz:Pacific/Kiritimati", "@ana /coffee join interests:cataloging, archives tz:Pacific/Honolulu",
        ];
        string[] probe = ["@kiri /networking export-me", "@ana /networking export-me", "@admin /coffee stats", "@ana /job list", "@ana /interview list"];
        string[] bad =
        [
            "@ana /job share title:X employer:Y type:full-time remote:yes deadline:9999-12-31",
            "@kiri /coffee pause until:0001-01-01",
            "@kiri /coffee pause until:9999-12-31",
            "@ana /coffee pause until:9999-12-31",
            "@ana /coffee edit region:\"near https://ехаmple.org\"",
            "@ana /job share title:X employer:Y type:full-time remote:yes link:https://ехаmple.org/jobs",
            "@ana /interview offer specialties:archives role:\"see https://ехаmple.org\"",
            "@ana /job list page:0",
        ];
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(), [.. setup, .. probe, .. bad, .. probe]);

        var replies = lines.Where(l => l.Kind == "reply").ToList();
        var before = replies.Skip(setup.Length).Take(probe.Length).Select(r => r.Text).ToList();
        var errors = replies.Skip(setup.Length + probe.Length).Take(bad.Length).ToList();
        var after = replies.Skip(setup.Length + probe.Length + bad.Length).Select(r => r.Text).ToList();

        Assert.Equal(
            ["deadline_too_far", "date_in_past", "date_too_far", "date_too_far", "mixed_script_host", "mixed_script_host", "mixed_script_host", "bad_number"],
            errors.Select(e => e.Error));
        Assert.Contains("more than 2 years away", errors[0].Text, StringComparison.Ordinal);
        Assert.Contains("Pacific/Kiritimati", errors[1].Text, StringComparison.Ordinal);
        Assert.Contains("up to a year", errors[2].Text, StringComparison.Ordinal);
        Assert.All(errors.Skip(4).Take(3), e => Assert.Contains("mixes Cyrillic and Latin letters", e.Text, StringComparison.Ordinal));
        Assert.Contains("\"cataloging\",", before[1], StringComparison.Ordinal); // "interests:cataloging, archives" joined
        Assert.Equal(before, after);
        Assert.DoesNotContain(lines, l => l.Kind is "channel" or "dm");
    }
}
