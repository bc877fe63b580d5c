using System.Net;
using System.Net.Sockets;

namespace NetworkingBot.Tests;

/// <summary>
/// State:Provider=redis through the real host: settings mistakes stop it with one line, and two bot processes
/// on one Redis share members and rounds (the second sees the first's round and sends nothing again).
/// </summary>
public sealed class RedisStoreHostTests
{
    [Theory]
    [InlineData("localhost:abc", "State:Redis:ConnectionString is not usable: 'localhost:abc' in the Redis connection string is not host:port")]
    [InlineData("localhost,passwrd=x", "State:Redis:ConnectionString is not usable: Unknown setting 'passwrd'")]
    public async Task A_bad_connection_string_is_named_and_the_bot_does_not_start(string connectionString, string message)
    {
        var (exit, stdout, stderr) = await ShellRunner.RunBotAsync(
            ["--State:Provider=redis", $"--State:Redis:ConnectionString={connectionString}"]);

        Assert.Equal(3, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_and_the_bot_does_not_start()
    {
        // Bound but not listening: refused for the whole test, and no redis-server another test starts can take it.
        using var closed = ClosedPort(out var port);

        var (exit, _, stderr) = await ShellRunner.RunBotAsync(
            ["--State:Provider=redis", $"--State:Redis:ConnectionString=127.0.0.1:{port},reconnectTimeout=300"]);

        Assert.Equal(3, exit);
        Assert.Contains($"cannot reach Redis at 127.0.0.1:{port}: connection refused", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [RedisHostFact]
    public async Task Two_bot_processes_on_one_redis_share_the_round_and_nothing_is_sent_twice()
    {
        string[] redis = ["--State:Provider=redis", $"--State:Redis:ConnectionString={RedisHostFactAttribute.Address},prefix=nbhost:{Guid.NewGuid():N}:"];
        var first = await RunAsync(redis, [Scripts.Setup, .. Scripts.FiveMembers, "@admin /coffee pair-now"]);
        Assert.Single(first, l => l.Kind == "channel");
        var groups = Scripts.GroupsOf(first);
        var alicesGroup = groups.Single(g => g.Contains("alice"));

        var second = await RunAsync(redis, ["@alice /coffee status"]);

        Assert.DoesNotContain(second, l => l.Kind is "channel" or "dm");
        var status = Assert.Single(second, l => l.Kind == "reply");
        Assert.Contains("Current partner (round 1)", status.Text, StringComparison.Ordinal);
        Assert.All(alicesGroup.Where(m => m != "alice"), p => Assert.Contains($"@{p}", status.Text, StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<ShellLine>> RunAsync(string[] settings, string[] lines)
    {
        var script = Path.Combine(Path.GetTempPath(), $"nb-script-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(script, lines);
        var (exit, stdout, stderr) = await ShellRunner.RunBotAsync(["shell", "--script", script, "--json", .. settings]);
        File.Delete(script);
        Assert.True(exit == 0, $"the bot exited with {exit}: {stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{')).Select(ShellLine.Parse).ToList();
    }

    private static Socket ClosedPort(out int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }
}

/// <summary>
/// Needs a Redis server from NETWORKINGBOT_REDIS: skipped with the reason outside CI when it is missing, run
/// (and failing loudly) in CI.
/// </summary>
public sealed class RedisHostFactAttribute : FactAttribute
{
    public static string? Address => Environment.GetEnvironmentVariable("NETWORKINGBOT_REDIS") is { Length: > 0 } value ? value : null;

    public RedisHostFactAttribute()
    {
        if (Address is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "NETWORKINGBOT_REDIS is not set (e.g. 127.0.0.1:6379); start redis-server and set it to run this test.";
        }
    }
}
