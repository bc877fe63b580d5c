using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// Initialised <see cref="RedisStore"/>s on the test server, each under a fresh key prefix; disposing deletes
/// their keys and closes their connections.
/// </summary>
internal sealed class FreshStores : IAsyncDisposable
{
    private readonly List<RedisConnection> _connections = [];

    public Task<RedisStore> CreateAsync() => OpenAsync(RedisServer.Options());

    /// <summary>Two stores over two connections under one fresh prefix: two bot instances sharing a server.</summary>
    public async Task<(RedisStore A, RedisStore B)> CreateTwoAsync()
    {
        var a = RedisServer.Options();
        var b = RedisConnectionOptions.Parse($"{RedisServer.Address},prefix={a.Prefix}");
        return (await OpenAsync(a), await OpenAsync(b));
    }

    /// <summary>A connection under a fresh prefix of its own, for a test that builds something other than a whole store.</summary>
    public RedisConnection Connect() => Connect(RedisServer.Options());

    private RedisConnection Connect(RedisConnectionOptions options)
    {
        var connection = new RedisConnection(options);
        lock (_connections)
        {
            _connections.Add(connection);
        }

        return connection;
    }

    private async Task<RedisStore> OpenAsync(RedisConnectionOptions options)
    {
        var connection = Connect(options);
        var store = new RedisStore(new RedisDatabase(connection));
        await store.InitializeAsync();
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await DeleteKeysAsync(connection);
            await connection.DisposeAsync();
        }
    }

    /// <summary>Deletes every key under <paramref name="connection"/>'s prefix.</summary>
    public static async Task DeleteKeysAsync(RedisConnection connection)
    {
        var db = new RedisDatabase(connection);
        var keys = new List<string>();
        await foreach (var key in db.ScanKeysAsync("*"))
        {
            keys.Add(key);
        }

        await db.KeyDeleteAsync(keys);
    }
}
