using System.Text.Json;
using NetworkingBot.Core.Commands;
using NetworkingBot.Shell;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Tests.Shell;

/// <summary>The shell names members as @name and saves the files that come with answers beside its database.</summary>
public sealed class ShellCommandsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nb-shell-files-" + Guid.NewGuid().ToString("N"), "exports");
    private readonly CoreHarness _core = new(extra: s => s.AddCommand<ClubRosterHandler>());

    public void Dispose()
    {
        _core.Dispose();
        var root = Path.GetDirectoryName(_folder)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<string> RunAsync(string line, bool json = false)
    {
        var writer = new StringWriter();
        var commands = new ShellCommands(_core.Dispatcher, _core.GetService<CommandCatalog>(), new ShellOutput(writer, json), new ShellFiles(_folder));
        await commands.RunAsync(CoreHarness.Context("alice"), line, CancellationToken.None);
        return writer.ToString();
    }

    [Theory]
    [InlineData("member:@Sam")]
    [InlineData("member:sam")]
    public async Task A_handle_names_the_shell_user(string option)
    {
        var printed = await RunAsync("/club roster " + option);
        Assert.Contains("member=sam; resolved=sam/sam/person", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_cannot_be_a_handle_is_left_for_the_program_to_refuse()
    {
        var printed = await RunAsync("/club roster member:\"sam smith\"");
        Assert.Contains("member=sam smith; resolved=-", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_is_saved_in_exports_and_its_path_printed_and_never_overwritten()
    {
        var first = await RunAsync("/club roster");
        var second = await RunAsync("/club roster");

        var one = Path.Combine(_folder, ClubRosterHandler.FileName);
        var two = Path.Combine(_folder, "roster-2.csv");
        Assert.Contains("[file] " + one, first, StringComparison.Ordinal);
        Assert.Contains("[file] " + two, second, StringComparison.Ordinal);
        Assert.Equal(ClubRosterHandler.Csv, await File.ReadAllBytesAsync(one));
        Assert.Equal(ClubRosterHandler.Csv, await File.ReadAllBytesAsync(two));
    }

    [Fact]
    public async Task Json_output_lists_the_saved_files_and_other_replies_keep_their_shape()
    {
        var withFile = JsonDocument.Parse(await RunAsync("/club roster", json: true)).RootElement;
        var without = JsonDocument.Parse(await RunAsync("/club nope", json: true)).RootElement;

        Assert.Equal([Path.Combine(_folder, ClubRosterHandler.FileName)], withFile.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.False(without.TryGetProperty("files", out _));
    }

    [Fact]
    public void A_file_name_from_a_handler_never_leaves_the_folder()
    {
        var files = new ShellFiles(_folder);
        var saved = files.Save([new ReplyFile("../../etc/passwd", "text/plain", new byte[] { 1 })]);
        Assert.Equal(Path.Combine(_folder, "passwd"), Assert.Single(saved));
    }

    [Fact]
    public void The_folder_is_beside_the_database()
    {
        var db = Path.Combine(Path.GetTempPath(), "somewhere", "bot.db");
        Assert.Equal(Path.Combine(Path.GetTempPath(), "somewhere", "exports"), ShellFiles.FolderBeside(db));
    }
}
