using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Testing;
using NetworkingBot.Testing.StoreContract;
using StackExchange.Redis;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// A redis-server of the test's own (append-only, fsync on every write) killed and started again while the store
/// works: calls fail with an error naming the server while it is down, succeed once it is back, and every write
/// that was acknowledged before the kill is still there.
/// </summary>
public sealed class RedisRestartTests
{
    private const string C = "console:restart";

    [RedisFact]
    public async Task A_restart_fails_calls_while_down_then_they_succeed_and_nothing_acknowledged_is_lost()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await using var connection = new RedisConnection(RedisConnectionOptions.Parse($"{server.Address},prefix=nb:,connectTimeout=1000,asyncTimeout=1000,syncTimeout=1000"));
        var store = new RedisStore(new RedisDatabase(connection));
        await store.InitializeAsync();

        // Writers keep going through the kill; a write counts as acknowledged only when its call returned.
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var user = $"w{w}-{i:D5}";
                try
                {
                    await store.Members.UpsertAsync(StoreSamples.Member(C, user, "cataloguing"));
                    acknowledged.Add(user);
                }
                catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
                {
                    failures.Add(ex);
                }
            }
        })).ToList();

        await Eventually.TrueAsync(() => acknowledged.Count >= 200, "200 acknowledged writes before the kill");
        await server.KillAsync();
        var down = await Assert.ThrowsAnyAsync<Exception>(() => store.Members.GetAsync(C, "w0-00000"));
        await server.RestartAsync();
        await Eventually.TrueAsync(async () => await Succeeds(() => store.Members.GetAsync(C, "w0-00000")), "a read to succeed after the restart", TimeSpan.FromSeconds(20));
        var afterRestart = acknowledged.Count;
        await Eventually.TrueAsync(() => acknowledged.Count > afterRestart + 50, "writes to be acknowledged again after the restart", TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(down is RedisConnectionException or RedisTimeoutException, $"a Redis connection error, not {down.GetType().Name}: {down.Message}");
        Assert.Contains(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), down.Message, StringComparison.Ordinal);
        var stored = (await store.Members.ListAsync(C)).Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], acknowledged.Where(user => !stored.Contains(user)).Order(StringComparer.Ordinal).ToList());
        Assert.True(connection.ConnectCount >= 2, $"the library reconnected ({connection.ConnectCount})");
    }

    private static async Task<bool> Succeeds(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            return false;
        }
    }
}
