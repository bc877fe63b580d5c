using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Commands;
using NetworkingBot.Discord.Tests.Interactions;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Commands;

public sealed class CommandDefinitionsTests
{
    private static readonly CommandCatalog Catalog = new CoreHarness().GetService<CommandCatalog>();

    [Fact]
    public void Members_and_organisers_get_separate_commands_and_only_organisers_need_Manage_Server()
    {
        var commands = JsonSerializer.SerializeToElement(CommandDefinitions.Build(Catalog, global: true)).EnumerateArray().ToList();
        var coffee = commands.Single(c => c.GetProperty("name").GetString() == "coffee");
        var admin = commands.Single(c => c.GetProperty("name").GetString() == "coffee-admin");

        Assert.False(coffee.TryGetProperty("default_member_permissions", out _));
        Assert.Equal("32", admin.GetProperty("default_member_permissions").GetString());
        Assert.Equal(["pair-now", "preview", "setup", "stats"], Names(admin).Order());
        Assert.Contains("join", Names(coffee));
        Assert.Contains("help", Names(coffee));
        Assert.DoesNotContain("setup", Names(coffee));
        Assert.Equal([0], coffee.GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32()));
    }

    [Fact]
    public void Every_command_keeps_within_Discords_limits()
    {
        foreach (var command in JsonSerializer.SerializeToElement(CommandDefinitions.Build(Catalog, global: false)).EnumerateArray())
        {
            Assert.Matches("^[-_a-z0-9]{1,32}$", command.GetProperty("name").GetString());
            Assert.False(command.TryGetProperty("contexts", out _));
            Assert.True(command.GetRawText().Length <= 8000);
            foreach (var sub in command.GetProperty("options").EnumerateArray())
            {
                Assert.InRange(sub.GetProperty("description").GetString()!.Length, 1, 100);
                var options = sub.GetProperty("options").EnumerateArray().ToList();
                Assert.True(options.Count <= 25);
                var required = options.Select(o => o.TryGetProperty("required", out var r) && r.GetBoolean()).ToList();
                Assert.Equal(required.OrderByDescending(r => r), required);
                Assert.All(options, o => Assert.InRange(o.GetProperty("description").GetString()!.Length, 1, 100));
                Assert.All(options, o => Assert.False(o.TryGetProperty("choices", out _) && o.TryGetProperty("autocomplete", out _)));
            }
        }
    }

    [Fact]
    public void Options_are_typed_with_choices_and_autocomplete()
    {
        var admin = JsonSerializer.SerializeToElement(CommandDefinitions.Build(Catalog, global: false)).EnumerateArray().Single(c => c.GetProperty("name").GetString() == "coffee-admin");
        var setup = admin.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "setup").GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!);

        Assert.Equal(7, setup["channel"].GetProperty("type").GetInt32());
        Assert.Equal(4, setup["checkin"].GetProperty("type").GetInt32());
        Assert.True(setup["tz"].GetProperty("autocomplete").GetBoolean());
        Assert.Equal(7, setup["day"].GetProperty("choices").GetArrayLength());
    }

    [Fact]
    public void The_fingerprint_ignores_what_Discord_adds_when_it_echoes_the_set_and_sees_a_changed_description()
    {
        // Registration writes only when the fingerprints differ (end to end: LibraryRegistrationTests).
        var desired = JsonSerializer.SerializeToElement(CommandDefinitions.Build(Catalog, global: false));
        var echoed = JsonNode.Parse(desired.GetRawText())!.AsArray();
        foreach (var command in echoed)
        {
            command!["id"] = "123";
            command["version"] = "456";
            command["nsfw"] = false;
        }

        Assert.Equal(CommandFingerprint.Of(desired), CommandFingerprint.Of(JsonSerializer.SerializeToElement(echoed)));

        echoed[0]!["description"] = "an older description";
        Assert.NotEqual(CommandFingerprint.Of(desired), CommandFingerprint.Of(JsonSerializer.SerializeToElement(echoed)));
    }

    private static List<string> Names(JsonElement command) =>
        [.. command.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()!)];
}
