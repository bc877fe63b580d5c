using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Tests;

/// <summary>
/// Issue 16 through the real host: once a running instance found Redis emptied under it (and left the epoch-lost
/// marker), a bot started on that keyspace stops with one line saying what happened and how to start over,
/// instead of beginning again on the empty keyspace.
/// </summary>
public sealed class RedisDataLossHostTests
{
    [RedisHostFact]
    public async Task A_keyspace_found_emptied_is_named_and_the_bot_does_not_start()
    {
        var prefix = $"nbhost:{Guid.NewGuid():N}:";
        await using var redis = new RedisConnection(RedisConnectionOptions.Parse(RedisHostFactAttribute.Address!));
        await redis.ExecuteAsync(["SET", prefix + "epoch-lost", "2026-12-06T23:00:00.0000000+00:00"]);
        try
        {
            var (exit, stdout, stderr) = await ShellRunner.RunBotAsync(
                ["--State:Provider=redis", $"--State:Redis:ConnectionString={RedisHostFactAttribute.Address},prefix={prefix}"]);

            Assert.Equal(3, exit);
            Assert.Contains($"Redis at {RedisHostFactAttribute.Address} lost its data under prefix '{prefix}'", stderr, StringComparison.Ordinal);
            Assert.Contains($"DEL {prefix}epoch-lost", stderr, StringComparison.Ordinal);
            Assert.Contains("Restore Redis's data from its backup", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Start Redis, or correct", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, stdout);

            // Refused before writing anything: no schema, no epoch, only the marker.
            Assert.True((await redis.ExecuteAsync(["EXISTS", prefix + "schema", prefix + "epoch"])).AsInt64() == 0);
        }
        finally
        {
            await redis.ExecuteAsync(["DEL", prefix + "epoch-lost"]);
        }
    }
}
