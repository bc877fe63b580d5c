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

    /// <summary>The groups of a round, read back from its channel announcement ("• @a + @b").</summary>
    public static List<List<string>> GroupsOf(ShellLine announcement) =>
        announcement.Text.Split('\n')
            .Where(l => l.StartsWith("• ", StringComparison.Ordinal) && l.Contains(" + ", StringComparison.Ordinal))
            .Select(l => l[2..].Split(" + ").Select(n => n.Trim().TrimStart('@')).ToList())
            .ToList();
}
