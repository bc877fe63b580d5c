namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>Says in one line whether the Redis tests ran against a server, and which.</summary>
public sealed class RedisServerCheck
{
    [RedisFact]
    public async Task The_configured_server_answers_ping()
    {
        await using var connection = new Client.RedisConnection(RedisServer.Options());

        var reply = await connection.ExecuteAsync(["PING"]);

        Assert.Equal("PONG", reply.AsString());
    }
}
