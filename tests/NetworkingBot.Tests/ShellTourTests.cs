namespace NetworkingBot.Tests;

[Collection(HostCollection.Name)]
public sealed class ShellTourTests
{
    [Fact]
    public async Task Pair_now_puts_every_member_in_one_group_with_one_trio_one_announcement_and_an_intro_each()
    {
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(), [Scripts.Setup, .. Scripts.FiveMembers, "@admin /coffee pair-now"]);

        Assert.DoesNotContain(lines, l => l.Error is not null);
        var announcement = Assert.Single(lines, l => l.Kind == "channel");
        Assert.Equal("coffee", announcement.Channel);
        Assert.DoesNotContain("@", announcement.Text, StringComparison.Ordinal); // a summary: nobody named (issue 18)
        var groups = Scripts.GroupsOf(lines);
        Assert.Equal(Scripts.Names.Order(), groups.SelectMany(g => g).Order());
        Assert.Equal([2, 3], groups.Select(g => g.Count).Order());

        foreach (var group in groups)
        {
            foreach (var member in group)
            {
                var intro = Assert.Single(lines, l => l.Kind == "dm" && l.To == member);
                Assert.Contains("you're meeting", intro.Text, StringComparison.Ordinal);
                Assert.Contains("Why you were matched:", intro.Text, StringComparison.Ordinal);
                Assert.Contains("agenda", intro.Text, StringComparison.Ordinal);
                foreach (var partner in group.Where(p => p != member))
                {
                    Assert.Contains($"@{partner}", intro.Text, StringComparison.Ordinal);
                }
            }
        }
    }

    /// <summary>
    /// A pair-now on Sunday: Monday's scheduled round has nobody due, so status and preview look past it, it sends
    /// nothing and takes no number, and the round a week later is round 2.
    /// </summary>
    [Fact]
    public async Task After_a_pair_now_the_next_day_round_nobody_is_due_for_stays_quiet_and_takes_no_number()
    {
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(),
            [Scripts.Setup, .. Scripts.FiveMembers[..4], "@admin /coffee pair-now", "@alice /coffee status", "@admin /coffee preview",
             "advance 2d", "advance 7d", "@admin /coffee stats"],
            clockStart: "2026-12-06T15:00:00Z");

        Assert.DoesNotContain(lines, l => l.Error is not null);
        var replies = lines.Where(l => l.Kind == "reply").Select(l => l.Text).ToList();
        Assert.Contains(replies, r => r.StartsWith("Next round: Monday 14 December, 09:00 (America/Chicago).", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.StartsWith("Nobody is due for the round of Monday 7 December, 09:00 America/Chicago, so it won't go out. Preview of round 2 (Monday 14 December", StringComparison.Ordinal));
        var announcements = lines.Where(l => l.Kind == "channel").Select(l => l.Text).ToList();
        Assert.Equal(2, announcements.Count);
        Assert.StartsWith("☕ Coffee chat round 1 (Sunday 6 December", announcements[0], StringComparison.Ordinal);
        Assert.StartsWith("☕ Coffee chat round 2 (Monday 14 December", announcements[1], StringComparison.Ordinal);
        Assert.Contains("2 rounds, 4 groups", replies[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Six_members_get_three_rounds_without_any_repeated_pair()
    {
        string[] six = [.. Scripts.FiveMembers, "@fay /coffee join interests:law tz:America/Los_Angeles"];
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(),
            [Scripts.Setup, .. six, "@admin /coffee pair-now", "@admin /coffee pair-now", "@admin /coffee pair-now"]);

        var rounds = Scripts.RoundsOf(lines);
        Assert.Equal(3, rounds.Count);
        var pairs = rounds.SelectMany(r => r).Select(g => string.Join('+', g.Order())).ToList();
        Assert.Equal(9, pairs.Count);
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.All(rounds, r => Assert.Equal(6, r.SelectMany(g => g).Distinct().Count()));
    }

    [Fact]
    public async Task Five_members_over_four_rounds_are_always_all_placed_and_never_the_same_trio_twice_running()
    {
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(),
            [Scripts.Setup, .. Scripts.FiveMembers, .. Enumerable.Repeat("@admin /coffee pair-now", 4)]);

        var rounds = Scripts.RoundsOf(lines);
        Assert.Equal(4, rounds.Count);
        Assert.All(rounds, r => Assert.Equal(Scripts.Names.Order(), r.SelectMany(g => g).Order()));
        for (var i = 1; i < rounds.Count; i++)
        {
            var previousTrio = rounds[i - 1].Single(g => g.Count == 3);
            var trio = rounds[i].Single(g => g.Count == 3);
            Assert.True(trio.Intersect(previousTrio).Count() < 3, "the same trio twice running");
        }

        // The first two rounds can avoid every repeat of a pair (4 + 4 of the 10 possible pairs, the trio's included).
        var first = rounds[0].SelectMany(PairsOf).ToHashSet();
        Assert.Equal(4, first.Count);
        var secondPairRepeats = rounds[1].Where(g => g.Count == 2).SelectMany(PairsOf).Count(first.Contains);
        Assert.Equal(0, secondPairRepeats);
    }

    [Fact]
    public async Task Check_in_buttons_record_the_answer_and_stats_count_it()
    {
        var lines = await ShellRunner.RunInProcessAsync(ShellRunner.TempDb(),
            [Scripts.Setup, .. Scripts.FiveMembers[..2], "@admin /coffee pair-now", "advance 4d", "@alice press 1", "@admin /coffee stats"],
            clockStart: "2026-11-10T12:00:00Z");

        var checkIns = lines.Where(l => l.Kind == "dm" && l.Text.StartsWith("How did your coffee chat", StringComparison.Ordinal)).ToList();
        Assert.Equal(["alice", "bob"], checkIns.Select(c => c.To).Order());
        Assert.All(checkIns, c => Assert.Equal(["We met", "Scheduled", "Not this time"], c.Buttons));
        Assert.Contains(lines, l => l.Kind == "reply" && l.To == "alice" && l.Text.StartsWith("Wonderful", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Kind == "reply" && l.To == "admin" && l.Text.Contains("Groups that met: 1 of 1", StringComparison.Ordinal));
    }

    private static IEnumerable<string> PairsOf(List<string> group)
    {
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = i + 1; j < group.Count; j++)
            {
                yield return string.CompareOrdinal(group[i], group[j]) < 0 ? $"{group[i]}+{group[j]}" : $"{group[j]}+{group[i]}";
            }
        }
    }
}
