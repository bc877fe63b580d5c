using Microsoft.Extensions.Configuration;
using NetworkingBot.Hosting.Settings;

namespace NetworkingBot.Tests;

/// <summary>The old "Organizer" keys are still read as the "Organiser" ones, below what an operator sets anew.</summary>
public sealed class RenamedSettingsTests : IDisposable
{
    private readonly string _shipped = Path.Combine(Path.GetTempPath(), $"nb-renamed-{Guid.NewGuid():N}.json");

    public RenamedSettingsTests() =>
        File.WriteAllText(_shipped, """{ "Shell": { "Organisers": [ "admin" ] } }""");

    public void Dispose() => File.Delete(_shipped);

    [Fact]
    public void An_old_key_is_read_as_the_new_one()
    {
        var configuration = Configure(new() { ["Discord:OrganizerRoleIds:0"] = "111", ["Slack:OrganizerUserIds:0"] = "U1", ["Slack:OrganizerUserIds:1"] = "U2" });

        Assert.Equal(["111"], Values(configuration, "Discord:OrganiserRoleIds"));
        Assert.Equal(["U1", "U2"], Values(configuration, "Slack:OrganiserUserIds"));
    }

    [Fact]
    public void An_old_key_set_by_the_operator_wins_over_the_shipped_default_of_the_new_one()
    {
        var configuration = Configure(new() { ["Shell:Organizers:0"] = "alice" });

        Assert.Equal(["alice"], Values(configuration, "Shell:Organisers"));
    }

    [Fact]
    public void The_new_key_set_by_the_operator_wins_over_an_old_one()
    {
        var configuration = Configure(new() { ["Shell:Organizers:0"] = "alice", ["Shell:Organisers:0"] = "bea" });

        Assert.Equal(["bea"], Values(configuration, "Shell:Organisers"));
    }

    [Fact]
    public void Without_old_keys_nothing_is_added()
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(_shipped);
        var sources = configuration.Sources.Count;

        RenamedSettings.Apply(configuration);

        Assert.Equal(["admin"], Values(configuration, "Shell:Organisers"));
        Assert.Equal(sources, configuration.Sources.Count);
    }

    private static string[] Values(ConfigurationManager configuration, string key) => configuration.GetSection(key).Get<string[]>() ?? [];

    /// <summary>The host's order: the shipped settings file, then what the operator sets (environment, command line).</summary>
    private ConfigurationManager Configure(Dictionary<string, string?> operatorSettings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(_shipped);
        configuration.AddInMemoryCollection(operatorSettings);
        RenamedSettings.Apply(configuration);
        return configuration;
    }
}

/// <summary>The host reads the old key: a shell configured with <c>Shell:Organizers</c> knows its organisers.</summary>
public sealed class RenamedSettingsHostTests
{
    [Fact]
    public async Task A_shell_configured_with_the_old_Organizers_key_gives_those_users_organiser_rights()
    {
        var lines = await ShellRunner.RunInProcessAsync(
            ShellRunner.TempDb(),
            ["@alice /coffee setup channel:#coffee day:monday time:09:00 tz:UTC cadence:weekly group:2"],
            null,
            "--Shell:Organizers:0=alice");

        var reply = Assert.Single(lines, l => l.Kind == "reply");
        Assert.Null(reply.Error);
    }
}
