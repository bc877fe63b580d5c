namespace NetworkingBot.Tests;

/// <summary>The check, through the real host and shell: samples/interviews.txt with an injected clock.</summary>
[Collection(HostCollection.Name)]
public sealed class InterviewShellTests
{
    private static readonly string[] Script = File.ReadAllLines(Path.Combine(Root(), "samples", "interviews.txt"));

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
    public async Task Three_volunteers_six_requests_a_decline_a_timeout_and_a_waiting_list_served_next_month()
    {
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(), Script, clockStart: "2026-03-20T12:00:00Z");
        Assert.DoesNotContain(lines, l => l.Error is not null);
        string To(string user) => string.Join("\n", lines.Where(l => l.To == user).Select(l => l.Text));

        // One decline and one timeout each moved the request on, in plain words, without naming anyone.
        Assert.Contains("can't take it this time", To("rob"), StringComparison.Ordinal);
        Assert.Contains("didn't answer within 72 hours", To("rey"), StringComparison.Ordinal);
        Assert.Contains("gone to another volunteer", To("sam"), StringComparison.Ordinal);

        // Every accept introduced both; nobody took more than their monthly capacity in March.
        // Everything up to the first follow-up question (27 March) happened in March.
        var march = lines.TakeWhile(l => !l.Text.StartsWith("Did your informational interview", StringComparison.Ordinal)).ToList();
        int Accepted(string volunteer) => march.Count(l => l.Kind == "reply" && l.To == volunteer && l.Text.Contains("I've introduced you", StringComparison.Ordinal));
        Assert.Equal(2, Accepted("vera"));
        Assert.Equal(1, Accepted("lou"));
        Assert.Equal(2, Accepted("sam"));
        foreach (var (requester, volunteer) in new[] { ("ria", "vera"), ("rob", "lou"), ("rey", "vera"), ("rae", "sam"), ("ron", "sam") })
        {
            Assert.Contains(lines, l => l.Kind == "dm" && l.To == requester && l.Text.Contains($"@{volunteer} (", StringComparison.Ordinal) && l.Text.Contains("15-20 minutes", StringComparison.Ordinal));
        }

        // The sixth request, for a full specialty, waited with the promised words and was served in April.
        Assert.Contains("Nobody is available for archives right now; we'll keep your request for 14 days", To("rue"), StringComparison.Ordinal);
        Assert.Contains("Good news", To("rue"), StringComparison.Ordinal);
        Assert.DoesNotContain(march, l => l.To == "vera" && l.Kind == "dm" && l.Text.Contains("@rue", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Kind == "dm" && l.To == "rue" && l.Text.Contains("@vera (Archivist, City Archives) accepted", StringComparison.Ordinal));
        Assert.DoesNotContain("@vera", string.Join("\n", lines.TakeWhile(l => !(l.To == "rue" && l.Text.Contains("accepted your informational interview", StringComparison.Ordinal))).Where(l => l.To == "rue").Select(l => l.Text)), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.To == "vera" && l.Text.Contains("1 of 2 interviews this month", StringComparison.Ordinal) && l.Text.Contains("@rue", StringComparison.Ordinal));

        // Seven days after acceptance the requesters were asked whether it happened.
        Assert.Contains(lines, l => l.Kind == "dm" && l.To == "ria" && l.Text.StartsWith("Did your informational interview", StringComparison.Ordinal) && l.Buttons.Count == 3);
    }
}

/// <summary>Interview timeouts are stored, not held in memory: they fire after a restart, and only once.</summary>
[Collection(HostCollection.Name)]
public sealed class InterviewRestartTests
{
    [Fact]
    public async Task A_timeout_due_while_the_bot_was_down_fires_once_after_restarts()
    {
        var db = ShellRunner.TempDb();
        await ShellRunner.RunInProcessAsync(db,
        [
            "@ann /interview offer specialties:law role:\"Law librarian\"",
            "@bea /interview offer specialties:law role:\"Law librarian\"",
            "@rob /interview request specialties:law learn:\"What is the work like?\"",
        ], clockStart: "2026-03-20T12:00:00Z");

        var second = await ShellRunner.RunInProcessAsync(db, ["advance 1m"], clockStart: "2026-03-24T12:00:00Z");
        var third = await ShellRunner.RunInProcessAsync(db, ["advance 1m", "@rob /interview list"], clockStart: "2026-03-24T12:05:00Z");

        Assert.Single(second, l => l.To == "rob" && l.Text.Contains("didn't answer within 72 hours", StringComparison.Ordinal));
        Assert.DoesNotContain(third, l => l.Kind == "dm");
        Assert.Contains(third, l => l.To == "rob" && l.Text.Contains("a volunteer has been asked", StringComparison.Ordinal));
    }
}
