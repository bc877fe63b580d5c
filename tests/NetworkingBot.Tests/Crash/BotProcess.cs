using System.Collections.Concurrent;
using System.Diagnostics;

namespace NetworkingBot.Tests.Crash;

/// <summary>
/// The built bot running as its own process, its output kept line by line, so a test can wait for a log line and
/// kill it for real: <see cref="KillAsync"/> is <c>Process.Kill(entireProcessTree: true)</c>, SIGKILL on Linux, so
/// no finally block, shutdown hook or flush runs in the bot.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private BotProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static BotProcess Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(ShellRunner.BotDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        return new BotProcess(process);
    }

    public IReadOnlyList<string> Output => _lines.ToList();

    /// <summary>Waits until a line of output contains <paramref name="text"/>; fails with the output so far.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var until = Stopwatch.StartNew();
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (until.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException($"No output line with \"{text}\" after {until.Elapsed} (exited: {_process.HasExited}). Output:\n{string.Join('\n', _lines)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
