using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Hosting;
using NetworkingBot.Shell;

namespace NetworkingBot.Tests;

/// <summary>One JSON line the shell printed: kind (channel, dm, reply, shell), to, channel, text, buttons, error, and when (posts and DMs).</summary>
public sealed record ShellLine(string Kind, string? To, string? Channel, string Text, IReadOnlyList<string> Buttons, string? Error)
{
    /// <summary>The shell clock's instant when the bot said it unprompted (posts, edits, DMs); null on replies.</summary>
    public DateTimeOffset? At { get; init; }

    public static ShellLine Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        string? Get(string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;
        var to = root.TryGetProperty("to", out var t) ? t[0].GetString() : null;
        var buttons = root.GetProperty("buttons").EnumerateArray().Select(b => b.GetString()!).ToList();
        return new ShellLine(Get("kind")!, to, Get("channel"), Get("text")!, buttons, Get("error"))
        {
            At = Get("at") is { } at ? DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) : null,
        };
    }
}

/// <summary>
/// Drives the real host with <c>shell --script FILE --json --db PATH</c>: in-process (fast) or as a separate
/// process (for restarts), and returns what members would have seen.
/// </summary>
public static class ShellRunner
{
    public static async Task<IReadOnlyList<ShellLine>> RunInProcessAsync(string db, IEnumerable<string> lines, string? clockStart = null, params string[] settings)
    {
        var script = WriteScript(lines);
        var writer = new StringWriter();
        var args = Arguments(script, db, clockStart).Concat(settings).ToList();
        using (var host = BotHost.Build(ShellArguments.Parse(args), writer))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.RunAsync(timeout.Token);
        }

        File.Delete(script);
        return Parse(writer.ToString());
    }

    public static async Task<IReadOnlyList<ShellLine>> RunProcessAsync(string db, IEnumerable<string> lines, string? clockStart = null)
    {
        var script = WriteScript(lines);
        var (exit, stdout, stderr) = await RunBotAsync(Arguments(script, db, clockStart));
        File.Delete(script);
        Assert.True(exit == 0, $"the bot exited with {exit}: {stderr}");
        return Parse(stdout);
    }

    /// <summary>
    /// The bot as its own build put it (src/NetworkingBot/bin/{config}/{tfm}): the copy beside the tests runs
    /// on their runtime config, which includes ASP.NET Core (for the fake servers), so it would miss assemblies
    /// the bot's own output carries.
    /// </summary>
    internal static string BotDll()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = tfm.Parent!;
        var root = configuration.Parent!.Parent!.Parent!.Parent!.FullName;
        var own = Path.Combine(root, "src", "NetworkingBot", "bin", configuration.Name, tfm.Name, "NetworkingBot.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "NetworkingBot.dll");
    }

    /// <summary>Runs the built bot as its own process with the given arguments.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunBotAsync(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(BotDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static string TempDb() => Path.Combine(Path.GetTempPath(), "nb-tests", Guid.NewGuid().ToString("N"), "bot.db");

    private static List<string> Arguments(string script, string db, string? clockStart)
    {
        var args = new List<string> { "shell", "--script", script, "--json", "--db", db };
        if (clockStart is not null)
        {
            args.Add($"--Shell:ClockStart={clockStart}");
        }

        return args;
    }

    private static string WriteScript(IEnumerable<string> lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nb-script-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static List<ShellLine> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(ShellLine.Parse)
            .ToList();
}
