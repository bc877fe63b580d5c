using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Testing;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.StoreContract;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// Issue 16: Redis coming back empty is noticed. The store records an epoch at start; a FLUSHALL (seen by the
/// periodic check) or a restart without persistence (seen on reconnect) makes every call fail with one clear
/// error, logged once, with nothing recreated but the marker that refuses the next start on the empty keyspace.
/// </summary>
public sealed class RedisEpochTests
{
    private const string C = "console:epoch";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private sealed record Bot(RedisConnection Connection, KeyspaceEpoch Epoch, RedisStore Store, RedisLeaseStore Leases, FakeTimeProvider Clock, RecordingLogger<KeyspaceEpoch> Log) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Epoch.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    /// <summary>A bot's store as the host wires it: epoch established first, then the store's own start-up check.</summary>
    private static async Task<Bot> StartAsync(string connectionString)
    {
        var connection = new RedisConnection(RedisConnectionOptions.Parse(connectionString));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero));
        var log = new RecordingLogger<KeyspaceEpoch>();
        var epoch = new KeyspaceEpoch(connection, connection.Options.Prefix, clock, log);
        var db = new RedisDatabase(connection, epoch: epoch);
        var store = new RedisStore(db);
        await epoch.EstablishAsync();
        await store.InitializeAsync();
        return new Bot(connection, epoch, store, new RedisLeaseStore(db), clock, log);
    }

    /// <summary>An operator's connection (FLUSHALL and KEYS need admin mode), beside the bot's.</summary>
    private static RedisConnection Admin(PrivateRedisServer server) => new(RedisConnectionOptions.Parse($"{server.Address},allowAdmin=true"));

    private static async Task<List<string>> KeysAsync(RedisConnection admin) =>
        (await admin.ExecuteAsync(["KEYS", "*"])).AsStrings().Order(StringComparer.Ordinal).ToList();

    [RedisFact]
    public async Task A_FLUSHALL_while_running_fails_reads_and_writes_with_the_clear_error_once_and_recreates_nothing()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await using var bot = await StartAsync($"{server.Address},prefix=nb:");
        await bot.Store.Members.UpsertAsync(StoreSamples.Member(C, "ana", "cataloguing"));
        Assert.True(await bot.Leases.TryAcquireAsync("lock:" + C, "me", TimeSpan.FromMinutes(1)));

        await using var admin = Admin(server);
        await admin.ExecuteAsync(["FLUSHALL"]);
        Assert.False(bot.Epoch.Lost.IsCompleted);
        bot.Clock.Advance(KeyspaceEpoch.CheckEvery);
        var error = await bot.Epoch.Lost.WaitAsync(Patience);

        var write = await Assert.ThrowsAsync<RedisDataLostException>(() => bot.Store.Members.UpsertAsync(StoreSamples.Member(C, "bob", "cataloguing")));
        var read = await Assert.ThrowsAsync<RedisDataLostException>(() => bot.Store.Members.ListAsync(C));
        Assert.StartsWith($"Redis at {server.Address} lost its data under prefix 'nb:'", write.Message, StringComparison.Ordinal);
        Assert.Contains("restarted without persistence?", write.Message, StringComparison.Ordinal);
        Assert.Contains("DEL nb:epoch-lost", write.Message, StringComparison.Ordinal);
        Assert.Equal(error, read.Message);

        // The lease went with the data: its holder's renewal says so, and no new one can be taken.
        Assert.False(await bot.Leases.RenewAsync("lock:" + C, "me", TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<RedisDataLostException>(() => bot.Leases.TryAcquireAsync("lock:" + C, "me", TimeSpan.FromMinutes(1)));

        bot.Clock.Advance(KeyspaceEpoch.CheckEvery);
        Assert.False(await bot.Epoch.CheckAsync());
        Assert.Equal(["nb:epoch-lost"], await KeysAsync(admin));
        Assert.Single(bot.Log.Entries, e => e.Level == LogLevel.Error);
    }

    [RedisFact]
    public async Task A_restart_without_persistence_is_detected_on_reconnect()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await using var bot = await StartAsync($"{server.Address},prefix=nb:,connectTimeout=1000,asyncTimeout=1000,syncTimeout=1000");
        await bot.Store.Members.UpsertAsync(StoreSamples.Member(C, "ana", "cataloguing"));

        await server.KillAsync();
        server.ForgetData();
        await server.RestartAsync();

        // The fake clock never moves: only the reconnect can have triggered the check.
        await bot.Epoch.Lost.WaitAsync(Patience);
        await Assert.ThrowsAsync<RedisDataLostException>(() => bot.Store.Members.UpsertAsync(StoreSamples.Member(C, "bob", "cataloguing")));
        await using var admin = Admin(server);
        Assert.Equal(["nb:epoch-lost"], await KeysAsync(admin));
    }

    [RedisFact]
    public async Task A_restart_with_its_data_is_not_taken_for_a_loss()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await using var bot = await StartAsync($"{server.Address},prefix=nb:,connectTimeout=1000,asyncTimeout=1000,syncTimeout=1000");
        await bot.Store.Members.UpsertAsync(StoreSamples.Member(C, "ana", "cataloguing"));
        var connects = bot.Connection.ConnectCount;

        await server.KillAsync();
        await server.RestartAsync();
        await Eventually.TrueAsync(() => bot.Connection.ConnectCount > connects, "the library to reconnect", Patience);
        bot.Clock.Advance(KeyspaceEpoch.CheckEvery);

        Assert.True(await bot.Epoch.CheckAsync());
        Assert.False(bot.Epoch.Lost.IsCompleted);
        Assert.NotNull(await bot.Store.Members.GetAsync(C, "ana"));
    }

    [RedisFact]
    public async Task A_start_on_a_keyspace_found_emptied_is_refused_until_the_marker_is_deleted()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await using var admin = Admin(server);
        await using (var first = await StartAsync($"{server.Address},prefix=nb:"))
        {
            await admin.ExecuteAsync(["FLUSHALL"]);
            Assert.False(await first.Epoch.CheckAsync());
        }

        var refused = await Assert.ThrowsAsync<RedisDataLostException>(() => StartAsync($"{server.Address},prefix=nb:"));
        Assert.Contains("lost its data", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["nb:epoch-lost"], await KeysAsync(admin)); // the refused start wrote nothing

        await admin.ExecuteAsync(["DEL", "nb:epoch-lost"]);
        await using var again = await StartAsync($"{server.Address},prefix=nb:");
        await again.Store.Members.UpsertAsync(StoreSamples.Member(C, "ana", "cataloguing"));
        Assert.Contains("nb:epoch", await KeysAsync(admin));
    }

    [RedisFact]
    public async Task A_keyspace_from_before_epochs_gets_one_and_two_instances_share_it()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await using var admin = Admin(server);
        await admin.ExecuteAsync(["HSET", "nb:members:" + C, "ana", "{}"]);

        await using var a = await StartAsync($"{server.Address},prefix=nb:");
        await using var b = await StartAsync($"{server.Address},prefix=nb:");

        Assert.True(await a.Epoch.CheckAsync());
        Assert.True(await b.Epoch.CheckAsync());
        Assert.Equal((await admin.ExecuteAsync(["GET", "nb:epoch"])).AsString(), await b.Epoch.EstablishAsync());
    }
}
