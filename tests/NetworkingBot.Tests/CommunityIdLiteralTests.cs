using System.Text.RegularExpressions;

namespace NetworkingBot.Tests;

/// <summary>
/// Community ids are built and read only through <c>CommunityId</c>: the host and the adapters write no
/// "discord:"/"slack:"/"console:" prefix, interpolation or whole key of their own (comments left out). Lease keys
/// such as "slack:envelope:" are not community ids and do not match.
/// </summary>
public sealed partial class CommunityIdLiteralTests
{
    [Fact]
    public void No_adapter_or_host_file_spells_a_community_id_by_hand()
    {
        var found = new List<string>();
        foreach (var file in Sources("NetworkingBot", "NetworkingBot.Discord", "NetworkingBot.Slack"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (SpellsCommunityId(lines[i]))
                {
                    found.Add($"{Path.GetFileName(file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(found.Count == 0, "Community ids spelt by hand (use CommunityId):\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("""var id = "discord:" + guildId;""", true)]
    [InlineData("""var id = $"slack:{teamId}";""", true)]
    [InlineData("""if (id.StartsWith("console:", StringComparison.Ordinal))""", true)]
    [InlineData("""public string Community { get; set; } = "console:local";""", true)]
    [InlineData("""await leases.TryAcquireAsync("slack:envelope:" + id, owner);""", false)]
    [InlineData("""/// <summary>"discord:123" is the stored form.</summary>""", false)]
    [InlineData("""var id = new CommunityId(Platform.Discord, guildId);""", false)]
    public void The_check_finds_prefixes_and_keys_in_code_and_not_in_comments_or_lease_keys(string line, bool spells)
    {
        Assert.Equal(spells, SpellsCommunityId(line));
    }

    private static bool SpellsCommunityId(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        var code = comment < 0 ? line : line[..comment];
        return CommunityLiteral().IsMatch(code);
    }

    // A prefix alone ("discord:"), an interpolation ($"slack:{x}") or a whole key ("console:local").
    [GeneratedRegex("""\$?"(console|discord|slack):("|\{|[0-9A-Za-z_-]+")""")]
    private static partial Regex CommunityLiteral();

    private static List<string> Sources(params string[] projects)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NetworkingBot.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var separator = Path.DirectorySeparatorChar;
        var files = projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(root.FullName, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, $"only {files.Count} source files found under {root.FullName}");
        return files;
    }
}
