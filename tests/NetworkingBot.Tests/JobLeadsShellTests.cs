namespace NetworkingBot.Tests;

/// <summary>
/// The "how we will check it", through the real host and SQLite: shares (one duplicate, one past
/// deadline and one javascript: link refused), both delivery modes, then an advanced clock showing the daily
/// digest, the weekly channel digest and expiry, and a close; expiry and close edit the leads' posts.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class JobLeadsShellTests
{
    /// <summary>The sample a reader runs (samples/jobs.txt) is the script under test, so it cannot go stale.</summary>
    private static string[] Script()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetworkingBot.sln")))
        {
            directory = directory.Parent;
        }

        return File.ReadAllLines(Path.Combine(directory!.FullName, "samples", "jobs.txt"));
    }

    [Fact]
    public async Task Shares_validation_both_deliveries_digests_expiry_and_close_work_in_the_shell()
    {
        // Wednesday 11 November 2026, 12:00 UTC (06:00 in Chicago).
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(), Script(), clockStart: "2026-11-11T12:00:00Z");

        var replies = lines.Where(l => l.Kind == "reply").ToList();
        Assert.Equal(
            [null, null, null, null, "duplicate_lead", "deadline_past", "bad_link_scheme", null, null, null, null],
            replies.Select(r => r.Error));
        Assert.Contains("#1", replies[4].Text, StringComparison.Ordinal);

        var jobs = lines.Where(l => l.Kind == "channel" && l.Channel == "jobs").Select(l => l.Text).ToList();
        Assert.StartsWith("**New job lead #1: Metadata Librarian**", jobs[0], StringComparison.Ordinal);
        Assert.StartsWith("**New job lead #2: Digital Archivist**", jobs[1], StringComparison.Ordinal);
        Assert.Contains("Heads-up: not yet posted publicly", jobs[1], StringComparison.Ordinal);
        Assert.StartsWith("This week's job leads (2 new", jobs[2], StringComparison.Ordinal);
        Assert.Equal(3, jobs.Count);

        // Expiry and closing edit the leads' posts; neither posts anew.
        var edits = lines.Where(l => l.Kind == "edit").ToList();
        Assert.All(edits, e => Assert.Equal("jobs", e.Channel));
        Assert.Equal(2, edits.Count);
        Assert.StartsWith("**Expired: job lead #2, Digital Archivist** — Watson Library\nClosed 2026-11-16: its deadline (2026-11-14) has passed.", edits[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("**Filled: job lead #1, Metadata Librarian** — KU Libraries\nClosed 2026-11-16: the position has been filled.", edits[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", edits[1].Text, StringComparison.Ordinal);

        var dee = Assert.Single(lines, l => l.Kind == "dm" && l.To == "dee");
        Assert.Contains("#1 Metadata Librarian", dee.Text, StringComparison.Ordinal);
        var cam = Assert.Single(lines, l => l.Kind == "dm" && l.To == "cam");
        Assert.StartsWith("Your daily job leads (2 new)", cam.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Kind == "dm" && (l.To == "ana" || l.To == "bob"));

        Assert.Contains("#1 ", replies[^3].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#2 ", replies[^3].Text, StringComparison.Ordinal);
        Assert.Contains("2 leads shared (open 1, expired 1)", replies[^2].Text, StringComparison.Ordinal);
        Assert.Contains("Unposted heads-ups: 1 of 2 (50%)", replies[^2].Text, StringComparison.Ordinal);
        Assert.StartsWith("Lead #1 is closed (filled)", replies[^1].Text, StringComparison.Ordinal);
    }
}
