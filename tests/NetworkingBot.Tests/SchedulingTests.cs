namespace NetworkingBot.Tests;

/// <summary>Quartz fires rounds at the program's local time, across DST, and a missed round once at start.</summary>
[Collection(HostCollection.Name)]
public sealed class SchedulingTests
{
    [Theory]
    [InlineData("2026-10-21T12:00:00Z", "Monday 26 October, 09:00")] // still daylight time (UTC-5): 14:00Z
    [InlineData("2026-10-28T12:00:00Z", "Monday 2 November, 09:00")] // DST ended on 1 November (UTC-6): 15:00Z
    [InlineData("2027-03-10T12:00:00Z", "Monday 15 March, 09:00")]   // DST began on 14 March
    public async Task A_weekly_round_fires_at_nine_local_time_on_either_side_of_a_DST_change(string start, string expected)
    {
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(),
            [Scripts.Setup, .. Scripts.FiveMembers[..4], "advance 6d"], clockStart: start);

        var announcement = Assert.Single(lines, l => l.Kind == "channel");
        Assert.Contains(expected, announcement.Text, StringComparison.Ordinal);
        Assert.Equal(4, lines.Count(l => l.Kind == "dm"));
    }

    [Fact]
    public async Task A_round_missed_while_down_runs_once_at_start_within_the_grace_period()
    {
        var db = ShellRunner.TempDb();
        await ShellRunner.RunInProcessAsync(db, [Scripts.Setup, .. Scripts.FiveMembers[..4]], clockStart: "2026-10-28T12:00:00Z");

        // The 2 November 09:00 Chicago round (15:00Z) was missed; the bot comes back an hour later, twice.
        var late = await ShellRunner.RunInProcessAsync(db, ["@alice /coffee status"], clockStart: "2026-11-02T16:00:00Z");
        var again = await ShellRunner.RunInProcessAsync(db, ["@alice /coffee status"], clockStart: "2026-11-02T16:30:00Z");

        Assert.Contains("Monday 2 November, 09:00", Assert.Single(late, l => l.Kind == "channel").Text, StringComparison.Ordinal);
        Assert.Equal(4, late.Count(l => l.Kind == "dm"));
        Assert.DoesNotContain(again, l => l.Kind is "channel" or "dm");
    }

    [Fact]
    public async Task A_round_missed_by_more_than_the_grace_period_is_skipped()
    {
        var db = ShellRunner.TempDb();
        await ShellRunner.RunInProcessAsync(db, [Scripts.Setup, .. Scripts.FiveMembers[..4]], clockStart: "2026-10-28T12:00:00Z");

        var tooLate = await ShellRunner.RunInProcessAsync(db, ["@alice /coffee status"], clockStart: "2026-11-03T04:00:00Z");

        Assert.DoesNotContain(tooLate, l => l.Kind is "channel" or "dm");
        Assert.Contains("Next round: Monday 9 November", Assert.Single(tooLate, l => l.Kind == "reply").Text, StringComparison.Ordinal);
    }
}
