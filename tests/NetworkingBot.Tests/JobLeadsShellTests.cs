namespace NetworkingBot.Tests;

/// <summary>
/// The "how we will check it", through the real host and SQLite: shares (one duplicate, one past
/// deadline and one javascript: link refused), both delivery modes, then an advanced clock showing the daily
/// digest, the weekly channel digest and expiry.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class JobLeadsShellTests
{
    private static readonly string[] Script =
    [
        "@admin /job setup channel:#jobs digest-day:friday digest-time:16:00 tz:America/Chicago",
        "@cam /job subscribe tags:metadata delivery:daily tz:America/Chicago",
        "@dee /job subscribe location:remote delivery:instant",
        "@ana /job share title:\"Metadata Librarian\" employer:\"KU Libraries\" type:full-time location:Lawrence remote:yes link:https://example.org/jobs/1 tags:metadata",
        "@bob /job share title:Another employer:X type:part-time remote:yes link:https://EXAMPLE.org/jobs/1/",
        "@bob /job share title:Archivist employer:Spencer type:temporary location:Topeka deadline:2026-11-01",
        "@bob /job share title:Cataloger employer:Y type:full-time remote:yes link:javascript:alert(1)",
        "@bob /job share title:\"Digital Archivist\" employer:\"Watson Library\" type:fellowship location:Lawrence tags:metadata,archives unposted:yes deadline:2026-11-14",
        "advance 1d",
        "advance 2d",
        "advance 2d",
        "@cam /job list",
        "@admin /job stats",
    ];

    [Fact]
    public async Task Shares_validation_both_deliveries_digests_and_expiry_work_in_the_shell()
    {
        // Wednesday 11 November 2026, 12:00 UTC (06:00 in Chicago).
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(), Script, clockStart: "2026-11-11T12:00:00Z");

        var replies = lines.Where(l => l.Kind == "reply").ToList();
        Assert.Equal(
            [null, null, null, null, "duplicate_lead", "deadline_past", "bad_link_scheme", null, null, null],
            replies.Select(r => r.Error));
        Assert.Contains("#1", replies[4].Text, StringComparison.Ordinal);

        var jobs = lines.Where(l => l.Kind == "channel" && l.Channel == "jobs").Select(l => l.Text).ToList();
        Assert.StartsWith("**New job lead #1: Metadata Librarian**", jobs[0], StringComparison.Ordinal);
        Assert.StartsWith("**New job lead #2: Digital Archivist**", jobs[1], StringComparison.Ordinal);
        Assert.Contains("Heads-up: not yet posted publicly", jobs[1], StringComparison.Ordinal);
        Assert.StartsWith("This week's job leads (2 new", jobs[2], StringComparison.Ordinal);
        Assert.Contains("#2 **Digital Archivist**", jobs[3], StringComparison.Ordinal);
        Assert.Contains("expired", jobs[3], StringComparison.Ordinal);
        Assert.Equal(4, jobs.Count);

        var dee = Assert.Single(lines, l => l.Kind == "dm" && l.To == "dee");
        Assert.Contains("#1 Metadata Librarian", dee.Text, StringComparison.Ordinal);
        var cam = Assert.Single(lines, l => l.Kind == "dm" && l.To == "cam");
        Assert.StartsWith("Your daily job leads (2 new)", cam.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Kind == "dm" && (l.To == "ana" || l.To == "bob"));

        Assert.Contains("#1 ", replies[^2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#2 ", replies[^2].Text, StringComparison.Ordinal);
        Assert.Contains("2 leads shared (open 1, expired 1)", replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains("Unposted heads-ups: 1 of 2 (50%)", replies[^1].Text, StringComparison.Ordinal);
    }
}
