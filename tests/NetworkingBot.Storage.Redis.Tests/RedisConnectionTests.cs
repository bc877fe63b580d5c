using System.Net;
using System.Net.Sockets;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>The RESP client against a real server (and, for failures, against ports that misbehave on purpose).</summary>
public sealed class RedisConnectionTests
{
    [Fact]
    public async Task A_closed_port_is_reported_as_connection_refused_with_the_address()
    {
        var port = FreePort();
        await using var connection = new RedisConnection(RedisConnectionOptions.Parse($"127.0.0.1:{port},reconnectTimeout=300"));

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => connection.ExecuteAsync(["PING"]));

        Assert.Equal($"cannot reach Redis at 127.0.0.1:{port}: connection refused", error.Message);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_with_the_command_named()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var connection = new RedisConnection(RedisConnectionOptions.Parse($"127.0.0.1:{port},commandTimeout=200"));

        var error = await Assert.ThrowsAsync<RedisTimeoutException>(() => connection.ExecuteAsync(["PING"]));

        Assert.Equal($"Redis at 127.0.0.1:{port} did not answer PING within 200 ms.", error.Message);
    }

    [Fact]
    public async Task A_connection_that_goes_silent_is_dropped_after_a_timeout_and_the_next_command_reconnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = 0;
        var server = Task.Run(async () =>
        {
            // Each connection answers its first command (the handshake PING) and then goes silent, like a dead link.
            var clients = new List<TcpClient>();
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                clients.Add(client);
                Interlocked.Increment(ref connections);
                var stream = client.GetStream();
                var buffer = new byte[256];
                _ = await stream.ReadAsync(buffer);
                await stream.WriteAsync("+PONG\r\n"u8.ToArray());
            }
        });
        await using var connection = new RedisConnection(RedisConnectionOptions.Parse($"127.0.0.1:{port},commandTimeout=300"));

        await Assert.ThrowsAsync<RedisTimeoutException>(() => connection.ExecuteAsync(["GET", "k"]));
        await Assert.ThrowsAsync<RedisTimeoutException>(() => connection.ExecuteAsync(["GET", "k"]));

        Assert.Equal(2, connection.ConnectCount);
        Assert.Equal(2, Volatile.Read(ref connections));
        listener.Stop();
        _ = server;
    }

    [RedisFact]
    public async Task Tls_against_a_plain_port_fails_with_a_clear_message()
    {
        await using var connection = new RedisConnection(RedisServer.Options(",ssl=true,connectTimeout=2000,reconnectTimeout=100"));

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => connection.ExecuteAsync(["PING"]));

        Assert.StartsWith($"cannot reach Redis at {connection.Options.Endpoint}: TLS handshake failed", error.Message, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Many_concurrent_commands_share_one_connection_and_get_their_own_replies()
    {
        await using var connection = new RedisConnection(RedisServer.Options());
        var db = new RedisDatabase(connection);
        var key = db.KeyPrefix + "counter";

        var replies = await Task.WhenAll(Enumerable.Range(0, 2000).Select(_ => Task.Run(() => connection.ExecuteAsync(["INCR", key]))));

        Assert.Equal(Enumerable.Range(1, 2000), replies.Select(r => (int)r.AsInt64()).Order());
        Assert.Equal(1, connection.ConnectCount);
        await db.KeyDeleteAsync(["counter"]);
    }

    [RedisFact]
    public async Task Keys_carry_the_prefix_and_the_database_is_selected()
    {
        await using var plain = new RedisConnection(RedisServer.Options());
        await using var selected = new RedisConnection(plain.Options with { Database = 3 });
        var db = new RedisDatabase(selected);

        await db.HashSetAsync("h", [new("f", "v")]);

        Assert.Equal("v", (await selected.ExecuteAsync(["HGET", db.KeyPrefix + "h", "f"])).AsString());
        Assert.True((await plain.ExecuteAsync(["HGET", db.KeyPrefix + "h", "f"])).IsNull);
        await db.KeyDeleteAsync(["h"]);
    }

    [RedisFact]
    public async Task A_script_unknown_to_the_server_is_loaded_with_eval()
    {
        await using var connection = new RedisConnection(RedisServer.Options());
        var db = new RedisDatabase(connection);
        var script = new LuaScript($"return ARGV[1] .. '-{Guid.NewGuid():N}'");

        var first = await db.ScriptEvaluateAsync(script, [], ["x"]);
        var second = await db.ScriptEvaluateAsync(script, [], ["y"]);

        Assert.StartsWith("x-", first.AsString(), StringComparison.Ordinal);
        Assert.StartsWith("y-", second.AsString(), StringComparison.Ordinal);
        Assert.Equal(1, (await connection.ExecuteAsync(["SCRIPT", "EXISTS", script.Sha1])).AsArray()[0].AsInt64());
    }

    [RedisFact]
    public async Task An_error_reply_fails_only_its_own_command()
    {
        await using var connection = new RedisConnection(RedisServer.Options());

        var error = await Assert.ThrowsAsync<RedisServerException>(() => connection.ExecuteAsync(["NOSUCHCOMMAND"]));

        Assert.Equal("ERR", error.Code);
        Assert.Equal("PONG", (await connection.ExecuteAsync(["PING"])).AsString());
    }

    [RedisFact]
    public async Task Commands_in_flight_when_the_server_kills_the_connection_are_sent_again_after_reconnecting()
    {
        await using var connection = new RedisConnection(RedisServer.Options());
        await using var admin = new RedisConnection(RedisServer.Options());
        var db = new RedisDatabase(connection);
        var id = (await connection.ExecuteAsync(["CLIENT", "ID"])).AsInt64();

        var writes = Enumerable.Range(0, 500).Select(i => db.SetAddAsync("set", $"m{i}")).ToList();
        await admin.ExecuteAsync(["CLIENT", "KILL", "ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        writes.AddRange(Enumerable.Range(500, 500).Select(i => db.SetAddAsync("set", $"m{i}")));
        await Task.WhenAll(writes);

        Assert.Equal(1000, (await db.SetMembersAsync("set")).Count);
        Assert.Equal(2, connection.ConnectCount);
        await db.KeyDeleteAsync(["set"]);
    }

    [RedisFact]
    public async Task An_acl_user_authenticates_and_a_wrong_password_is_refused_at_once()
    {
        await using var admin = new RedisConnection(RedisServer.Options());
        var user = $"nbtest-{Guid.NewGuid():N}";
        await admin.ExecuteAsync(["ACL", "SETUSER", user, "on", ">s3cret", "~*", "&*", "+@all"]);
        try
        {
            await using var good = new RedisConnection(admin.Options with { User = user, Password = "s3cret" });
            Assert.Equal(user, (await good.ExecuteAsync(["ACL", "WHOAMI"])).AsString());

            await using var bad = new RedisConnection(admin.Options with { User = user, Password = "wrong", ReconnectTimeout = TimeSpan.FromSeconds(30) });
            var started = DateTime.UtcNow;
            var error = await Assert.ThrowsAsync<RedisConnectionException>(() => bad.ExecuteAsync(["PING"]));
            Assert.StartsWith($"Redis at {admin.Options.Endpoint} refused the credentials: WRONGPASS", error.Message, StringComparison.Ordinal);
            Assert.False(error.Transient);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "a refused password is not retried");
        }
        finally
        {
            await admin.ExecuteAsync(["ACL", "DELUSER", user]);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
