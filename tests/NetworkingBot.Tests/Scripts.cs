namespace NetworkingBot.Tests;

/// <summary>Script lines shared by the end-to-end tests.</summary>
public static class Scripts
{
    public const string Setup = "@admin /coffee setup channel:#coffee day:monday time:09:00 tz:America/Chicago cadence:weekly group:2";

    public static readonly string[] FiveMembers =
    [
        "@alice /coffee join interests:archives,metadata tz:America/Chicago stage:student looking:mentor",
        "@bob /coffee join interests:archives,digital-preservation tz:America/New_York stage:senior looking:mentee",
        "@carol /coffee join interests:reference,instruction tz:Europe/London stage:early-career looking:peer",
        "@dev /coffee join interests:systems,data,metadata tz:America/Denver stage:mid-career",
        "@erin /coffee join interests:youth-services,public tz:America/Chicago format:in-person region:\"Kansas City\"",
    ];

    public static readonly string[] Names = ["alice", "bob", "carol", "dev", "erin"];

    /// <summary>
    /// The groups of each round, read back from its intros ("… you're meeting @b and @c!"); a round's lines start at its
    /// channel announcement, which names nobody since issue 18.
    /// </summary>
    public static List<List<List<string>>> RoundsOf(IEnumerable<ShellLine> lines)
    {
        var rounds = new List<List<List<string>>>();
        foreach (var line in lines)
        {
            if (line.Kind == "channel" && line.Text.Contains("is out:", StringComparison.Ordinal))
            {
                rounds.Add([]);
            }
            else if (line.Kind == "dm" && rounds.Count > 0 && Meeting.Match(line.Text) is { Success: true } meeting)
            {
                var group = meeting.Groups[1].Value.Split(" and ").Select(n => n.Trim().TrimStart('@')).Append(line.To!).Order(StringComparer.Ordinal).ToList();
                if (!rounds[^1].Any(g => g.SequenceEqual(group)))
                {
                    rounds[^1].Add(group);
                }
            }
        }

        return rounds;
    }

    /// <summary>The groups of the one round in <paramref name="lines"/>.</summary>
    public static List<List<string>> GroupsOf(IEnumerable<ShellLine> lines) => Assert.Single(RoundsOf(lines));

    private static readonly System.Text.RegularExpressions.Regex Meeting = new("you're meeting (.+?)!", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}
