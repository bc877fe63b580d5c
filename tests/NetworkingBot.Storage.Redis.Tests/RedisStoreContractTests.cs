using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// The shared store contract against a real redis-server, a fresh key prefix per store. The inherited
/// [Fact]s cannot be turned into <see cref="RedisFactAttribute"/>s, so without a server outside CI
/// its class is left out of the build instead (see the csproj) and <see cref="RedisServerCheck"/> reports the skip.
/// </summary>
public sealed class RedisStoreContractTests : StoreContractTests, IAsyncDisposable
{
    private readonly List<RedisConnection> _connections = [];

    protected override async Task<StoreSet> CreateStoresAsync()
    {
        var connection = new RedisConnection(RedisServer.Options());
        _connections.Add(connection);
        var store = new RedisStore(new RedisDatabase(connection));
        await store.InitializeAsync();
        return new StoreSet(store.Members, store.Programs, store.Rounds);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            var db = new RedisDatabase(connection);
            var keys = new List<string>();
            await foreach (var key in db.ScanKeysAsync("*"))
            {
                keys.Add(key);
            }

            await db.KeyDeleteAsync(keys);
            await connection.DisposeAsync();
        }
    }
}
