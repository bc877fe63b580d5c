namespace NetworkingBot.Tests;

/// <summary>Real restarts: two separate processes on one database file.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task After_a_restart_status_still_shows_the_partner_and_nothing_is_sent_again()
    {
        var db = ShellRunner.TempDb();
        var first = await ShellRunner.RunProcessAsync(db, [Scripts.Setup, .. Scripts.FiveMembers, "@admin /coffee pair-now"]);
        Assert.Single(first, l => l.Kind == "channel");
        var groups = Scripts.GroupsOf(first);
        var alicesGroup = groups.Single(g => g.Contains("alice"));

        var second = await ShellRunner.RunProcessAsync(db, ["@alice /coffee status"]);

        Assert.DoesNotContain(second, l => l.Kind is "channel" or "dm");
        var status = Assert.Single(second, l => l.Kind == "reply");
        Assert.Contains("Current partner (round 1)", status.Text, StringComparison.Ordinal);
        Assert.All(alicesGroup.Where(m => m != "alice"), p => Assert.Contains($"@{p}", status.Text, StringComparison.Ordinal));
    }
}
