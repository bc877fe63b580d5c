using NetworkingBot.Core.Settings;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// What <see cref="RedisStoreOptions"/> must be: a connection string that parses, with the exact mistake named.
/// <paramref name="section"/> is where the options are bound (the host binds them under <c>State:Redis</c>).
/// </summary>
public sealed class RedisStoreOptionsRules(string section = "Redis") : SettingRules<RedisStoreOptions>
{
    public override IEnumerable<SettingProblem> Check(RedisStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ParseError(options.ConnectionString) is { } error)
        {
            yield return new SettingProblem(
                $"{section}:ConnectionString",
                $"is not usable: {error.TrimEnd('.')}",
                "host:port then settings such as ,password=...,prefix=networkingbot:",
                SettingProblem.FixBy($"{section}:ConnectionString", "localhost:6379,prefix=networkingbot:"));
        }
    }

    private static string? ParseError(string connectionString)
    {
        try
        {
            RedisConnectionOptions.Parse(connectionString);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }
}
