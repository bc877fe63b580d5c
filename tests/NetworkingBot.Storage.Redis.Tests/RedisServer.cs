using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// The Redis server the tests use, from NETWORKINGBOT_REDIS (e.g. "127.0.0.1:6379"). Each test takes a key
/// prefix of its own, so all of them share one server and run in parallel.
/// </summary>
internal static class RedisServer
{
    public const string Variable = "NETWORKINGBOT_REDIS";

    public static string? Address => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why the Redis tests are skipped, or null when they run: with a server, or in CI, where a missing server is
    /// a broken pipeline that must fail loudly rather than a reason to skip.
    /// </summary>
    public static string? SkipReason => Address is null && !InCi
        ? $"{Variable} is not set (e.g. 127.0.0.1:6379); start redis-server and set it to run the Redis tests."
        : null;

    /// <summary>A fresh, unique prefix: "nbtest:{guid}:".</summary>
    public static string NewPrefix() => $"nbtest:{Guid.NewGuid():N}:";

    /// <summary>Connection options for the test server with a fresh prefix (short timeouts so a failure is quick).</summary>
    public static RedisConnectionOptions Options(string? extra = null)
    {
        var address = Address ?? throw new InvalidOperationException(
            $"{Variable} is not set; the Redis tests need a redis-server (\".ci/run\" starts one and sets it).");
        return RedisConnectionOptions.Parse($"{address},prefix={NewPrefix()}{extra}");
    }
}

/// <summary>
/// A fact that needs a Redis server: skipped with the reason outside CI when NETWORKINGBOT_REDIS is missing,
/// but run (and so failing loudly) in CI, where a missing server is a broken pipeline, not a reason to skip.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        Skip = RedisServer.SkipReason;
    }
}
