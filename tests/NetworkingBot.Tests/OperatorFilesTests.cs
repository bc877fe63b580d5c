using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Commands;
using YamlDotNet.RepresentationModel;

namespace NetworkingBot.Tests;

/// <summary>
/// The files an operator reads and runs are true: docker-compose.yml parses (with a real YAML parser) and says
/// what its comments say, docs/OPERATIONS.md names every command Discord and Slack are given, and the Dockerfile
/// runs the bot as the images' non-root user with the restore cached apart from the sources.
/// </summary>
public sealed partial class OperatorFilesTests
{
    [Fact]
    public void Docker_compose_parses_and_gives_the_bot_redis_and_a_volume()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryFile("docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var services = (YamlMappingNode)root["services"];
        var bot = (YamlMappingNode)services["bot"];
        var environment = (YamlMappingNode)bot["environment"];
        Assert.Equal("redis", Scalar(environment, "State__Provider"));
        Assert.Equal("redis:6379,prefix=networkingbot:", Scalar(environment, "State__Redis__ConnectionString"));
        Assert.Equal("/data/networkingbot.db", Scalar(environment, "State__Sqlite__Path"));
        Assert.Contains("bot-data:/data", ((YamlSequenceNode)bot["volumes"]).Children.Select(v => v.ToString()));
        Assert.True(services.Children.ContainsKey("redis"));
    }

    [Fact]
    public void Operations_names_every_discord_command_and_subcommand()
    {
        var section = Section(Operations(), "## Discord", "## Slack");
        var registered = CommandDefinitions.Build(Catalog(), global: true).Select(c => c!.AsObject()).ToList();

        var missing = registered
            .SelectMany(c => Subcommands(c).Select(s => (Command: c["name"]!.GetValue<string>(), Subcommand: s)))
            .Where(x => !RowOf(section, x.Command).Contains($"`{x.Subcommand}`", StringComparison.Ordinal))
            .Select(x => $"/{x.Command} {x.Subcommand}")
            .ToList();

        Assert.True(registered.Count >= 4, "the Discord registration built too few commands to check");
        Assert.True(missing.Count == 0, "docs/OPERATIONS.md (Discord) does not name: " + string.Join(", ", missing));
    }

    [Fact]
    public void Operations_names_every_slack_command_of_the_manifest_and_its_subcommands()
    {
        var section = Section(Operations(), "## Slack", "## Both at once");
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryFile("slack-app-manifest.json")));
        var commands = manifest.RootElement.GetProperty("features").GetProperty("slash_commands").EnumerateArray()
            .Select(c => c.GetProperty("command").GetString()!.TrimStart('/')).ToList();
        var catalog = Catalog();

        var missing = commands
            .SelectMany(c => catalog.SpecsOf(c).Select(s => s.Name).Append("help").Select(s => (Command: c, Subcommand: s)))
            .Where(x => !RowOf(section, x.Command).Contains($"`{x.Subcommand}`", StringComparison.Ordinal))
            .Select(x => $"/{x.Command} {x.Subcommand}")
            .ToList();

        Assert.Equal(catalog.Programs.Order(), commands.Order());
        Assert.True(missing.Count == 0, "docs/OPERATIONS.md (Slack) does not name: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_dockerfile_restores_from_project_files_first_and_runs_as_app()
    {
        var lines = File.ReadAllLines(RepositoryFile("Dockerfile")).Select(l => l.Trim()).ToList();
        int IndexOf(Func<string, bool> match) => lines.FindIndex(l => match(l));

        var restore = IndexOf(l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var copyAll = IndexOf(l => l.StartsWith("COPY . .", StringComparison.Ordinal) || l.StartsWith("COPY src/ ", StringComparison.Ordinal));
        Assert.True(restore > 0 && copyAll > restore, "the restore must come before the sources are copied");
        foreach (var project in Directory.GetFiles(RepositoryRoot(), "*.csproj", SearchOption.AllDirectories)
                     .Select(p => Path.GetRelativePath(RepositoryRoot(), p).Replace('\\', '/'))
                     .Where(p => p.StartsWith("src/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal)))
        {
            Assert.True(lines.Take(restore).Any(l => l.StartsWith("COPY", StringComparison.Ordinal) && l.Contains(project, StringComparison.Ordinal)), $"{project} is not copied before the restore");
        }

        Assert.Contains("USER $APP_UID", lines);
        Assert.True(IndexOf(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)) > IndexOf(l => l == "USER $APP_UID"));
    }

    private static CommandCatalog Catalog() =>
        new ServiceCollection().AddLogging().AddNetworkingCore().BuildServiceProvider().GetRequiredService<CommandCatalog>();

    private static IEnumerable<string> Subcommands(JsonObject command) =>
        command["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>());

    /// <summary>The table row of a command: a line starting with "| `/name` |".</summary>
    private static string RowOf(string section, string command) =>
        section.Split('\n').FirstOrDefault(l => l.StartsWith($"| `/{command}` |", StringComparison.Ordinal)) ?? "";

    private static string Section(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        var end = text.IndexOf(to, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/OPERATIONS.md has no section from '{from}' to '{to}'");
        return text[start..end];
    }

    private static string Operations() => File.ReadAllText(RepositoryFile("docs/OPERATIONS.md"));

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value!;

    private static string RepositoryFile(string relative) => Path.Combine(RepositoryRoot(), relative);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetworkingBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NetworkingBot.sln not found above " + AppContext.BaseDirectory);
    }
}
