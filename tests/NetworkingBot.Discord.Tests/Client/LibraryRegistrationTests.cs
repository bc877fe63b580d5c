using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Client;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>Command registration through Discord.Net: only when the live set differs; a refused set is one line, not a stall.</summary>
public sealed class LibraryRegistrationTests
{
    [Fact]
    public async Task The_set_is_written_once_and_a_restart_with_the_same_set_writes_nothing()
    {
        await using var rig = await LibraryRig.StartAsync();
        await using var core = new CoreHarness();
        var logger = new RecordingLogger<LibraryRegistrar>();
        var registrar = new LibraryRegistrar(core.GetService<CommandCatalog>(), logger);
        var rest = await rig.Connection.RestAsync(CancellationToken.None);

        Assert.True(await registrar.RegisterAsync(rest, null, CancellationToken.None));
        Assert.False(await registrar.RegisterAsync(rest, null, CancellationToken.None));

        var put = Assert.Single(rig.Fake.Calls, c => c.Method == "PUT");
        Assert.Equal($"applications/{rig.Fake.ApplicationId}/commands", put.Path);
        Assert.Contains(put.Body!.Value.EnumerateArray(), c => c.GetProperty("name").GetString() == "coffee-admin"
            && c.GetProperty("default_member_permissions").GetRawText().Trim('"') == "32");
        Assert.Contains(logger.Entries, e => e.Message.Contains("up to date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_set_is_one_error_line_naming_the_problem_and_start_up_goes_on()
    {
        await using var rig = await LibraryRig.StartAsync();
        await using var core = new CoreHarness();
        rig.Fake.RefuseNext(10, 400, 50035, "Invalid Form Body", method: "PUT");
        var logger = new RecordingLogger<LibraryStartup>();
        var startup = new LibraryStartup(new LibraryRegistrar(core.GetService<CommandCatalog>(), new RecordingLogger<LibraryRegistrar>()), Options.Create(new DiscordOptions()), logger);

        await startup.RegisterAsync(await rig.Connection.RestAsync(CancellationToken.None), CancellationToken.None);

        Assert.Single(rig.Fake.Calls, c => c.Method == "PUT");
        var line = Assert.Single(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("Invalid Form Body", line.Message, StringComparison.Ordinal);
    }
}
