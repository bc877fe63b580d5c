using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetworkingBot.Testing;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// A redis-server of the test's own, on a free loopback port, with append-only persistence fsynced on every
/// write, so a test can kill it and start it again on the same port and data without disturbing the shared one.
/// </summary>
internal sealed class PrivateRedisServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string[] _extra;
    private Process? _process;

    private PrivateRedisServer(int port, string[] extra, string directory)
    {
        Port = port;
        _extra = extra;
        _directory = directory;
    }

    /// <summary>The server's directory, for files it needs (certificates).</summary>
    public string Directory => _directory;

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>
    /// Starts a server; <paramref name="configure"/> may write files into its directory and returns extra
    /// arguments given the port (e.g. TLS on it instead of plain TCP).
    /// </summary>
    public static async Task<PrivateRedisServer> StartAsync(Func<string, int, string[]>? configure = null)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var directory = Path.Combine(Path.GetTempPath(), "nb-redis-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var server = new PrivateRedisServer(port, configure?.Invoke(directory, port) ?? [], directory);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false };
        string[] args = ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--logfile", Path.Combine(_directory, "redis.log"), .. _extra];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not on PATH; install Debian's redis-server (.ci/run does).", ex);
        }

        await Eventually.TrueAsync(AcceptsAsync, $"redis-server to listen on port {Port}", TimeSpan.FromSeconds(5));
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to clients; what was acknowledged is on disk (appendfsync always).</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Deletes the server's files while it is down, so its next start is a restart without persistence.</summary>
    public void ForgetData()
    {
        foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(_directory, "appendonly*"))
        {
            if (System.IO.Directory.Exists(entry))
            {
                System.IO.Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }
}
