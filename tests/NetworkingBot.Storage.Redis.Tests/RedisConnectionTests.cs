using System.Net;
using System.Net.Sockets;
using NetworkingBot.Storage.Redis.Client;
using StackExchange.Redis;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// What stays ours around StackExchange.Redis's multiplexer: the messages an operator reads, the key prefix, the
/// reply shape, and that the scripts reach the server the way the stores send them.
/// </summary>
public sealed class RedisConnectionTests
{
    [Fact]
    public async Task A_closed_port_is_reported_as_connection_refused_with_the_address()
    {
        // A port bound but not listening refuses connections, and stays ours for the whole test: a port found free and
        // let go could be taken meanwhile by a redis-server another test starts.
        using var closed = ClosedPort(out var port);
        await using var connection = new RedisConnection(RedisConnectionOptions.Parse($"127.0.0.1:{port},connectTimeout=2000"));

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => connection.ExecuteAsync(["PING"]));

        Assert.Equal($"cannot reach Redis at 127.0.0.1:{port}: connection refused", error.Message);
    }

    [Fact]
    public void A_refused_tls_handshake_the_log_does_not_name_is_still_told_as_tls_not_credentials()
    {
        // Under load the library can fail the connect before its log names the cause, and files a refused handshake
        // under AuthenticationFailure: without a password it cannot be the credentials.
        var refused = new RedisConnectionException(ConnectionFailureType.AuthenticationFailure, CommandFlags.None, "It was not possible to connect to the redis server(s).", null, CommandStatus.Unknown);
        var handshake = new RedisConnectionException(
            ConnectionFailureType.AuthenticationFailure, CommandFlags.None, "It was not possible to connect", new System.Security.Authentication.AuthenticationException("The remote certificate is invalid"), CommandStatus.Unknown);

        Assert.StartsWith("TLS handshake failed: ", ConnectFailures.Describe(refused, "", ssl: true, credentials: false), StringComparison.Ordinal);
        Assert.Equal("TLS handshake failed: The remote certificate is invalid", ConnectFailures.Describe(handshake, "", ssl: true, credentials: true));
        Assert.Equal("the server refused the credentials (user=, password=)", ConnectFailures.Describe(refused, "", ssl: true, credentials: true));
        Assert.Equal("the server refused the credentials (user=, password=)", ConnectFailures.Describe(refused, "", ssl: false, credentials: true));
        Assert.Equal("TLS handshake failed: The certificate chain was issued by an authority that is not trusted", ConnectFailures.Describe(
            refused, "12:00 Connection failed: 127.0.0.1:6380\n12:00 > The certificate chain was issued by an authority that is not trusted.\n", ssl: true, credentials: false));
    }

    [RedisFact]
    public async Task Tls_against_a_plain_port_fails_with_a_clear_message()
    {
        await using var connection = new RedisConnection(RedisServer.Options(",ssl=true,connectTimeout=2000"));

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => connection.ExecuteAsync(["PING"]));

        Assert.StartsWith($"cannot reach Redis at {connection.Options.Endpoint}: ", error.Message, StringComparison.Ordinal);
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
        await using var selected = new RedisConnection(RedisConnectionOptions.Parse($"{RedisServer.Address},prefix={plain.Options.Prefix},defaultDatabase=3"));
        var db = new RedisDatabase(selected);

        await db.HashSetAsync("h", [new("f", "v")]);

        Assert.Equal("v", (await selected.ExecuteAsync(["HGET", plain.Options.Prefix + "h", "f"])).AsString());
        Assert.True((await plain.ExecuteAsync(["HGET", plain.Options.Prefix + "h", "f"])).IsNull);
        await db.KeyDeleteAsync(["h"]);
    }

    [RedisFact]
    public async Task A_script_is_loaded_by_the_library_and_then_known_to_the_server_by_its_sha()
    {
        await using var connection = new RedisConnection(RedisServer.Options());
        var db = new RedisDatabase(connection);
        var script = new Client.LuaScript($"return ARGV[1] .. '-{Guid.NewGuid():N}'");

        var first = await db.ScriptEvaluateAsync(script, [], ["x"]);
        // SHA1 is what Redis names scripts by; it identifies, it protects nothing.
#pragma warning disable CA5350
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(script.Text)));
#pragma warning restore CA5350
        var cached = (await connection.ExecuteAsync(["SCRIPT", "EXISTS", sha])).AsArray()[0].AsInt64();

        Assert.StartsWith("x-", first.AsString(), StringComparison.Ordinal);
        Assert.Equal(1, cached);
    }

    [RedisFact]
    public async Task Verbatim_text_of_resp3_comes_without_its_format_prefix()
    {
        await using var admin = new RedisConnection(RedisServer.Options(",allowAdmin=true"));

        var info = (await admin.ExecuteAsync(["INFO", "server"])).AsString();

        Assert.StartsWith("# Server", info, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task An_error_reply_fails_only_its_own_command()
    {
        await using var connection = new RedisConnection(RedisServer.Options());

        var error = await Assert.ThrowsAsync<RedisServerException>(() => connection.ExecuteAsync(["HGET", "only-one-argument"]));

        Assert.StartsWith("ERR", error.Message, StringComparison.Ordinal);
        Assert.Equal("PONG", (await connection.ExecuteAsync(["PING"])).AsString());
    }

    [RedisFact]
    public async Task An_acl_user_authenticates_and_a_wrong_password_is_refused_clearly()
    {
        await using var admin = new RedisConnection(RedisServer.Options());
        var user = $"nbtest-{Guid.NewGuid():N}";
        await admin.ExecuteAsync(["ACL", "SETUSER", user, "on", ">s3cret", "~*", "&*", "+@all"]);
        try
        {
            await using var good = new RedisConnection(RedisConnectionOptions.Parse($"{RedisServer.Address},user={user},password=s3cret"));
            Assert.Equal(user, (await good.ExecuteAsync(["ACL", "WHOAMI"])).AsString());

            await using var bad = new RedisConnection(RedisConnectionOptions.Parse($"{RedisServer.Address},user={user},password=wrong,connectTimeout=3000"));
            var error = await Assert.ThrowsAsync<RedisConnectionException>(() => bad.ExecuteAsync(["PING"]));
            Assert.Equal($"cannot reach Redis at {admin.Options.Endpoint}: the server refused the credentials of user '{user}' (user=, password=)", error.Message);
            Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await admin.ExecuteAsync(["ACL", "DELUSER", user]);
        }
    }

    private static Socket ClosedPort(out int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }
}
