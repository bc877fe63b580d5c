using NetworkingBot.Core.Settings;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Hosting;

/// <summary>What the "State" settings must be: a store this build has, and a usable path or connection string for it.</summary>
public sealed class StateOptionsRules : SettingRules<StateOptions>
{
    public override IEnumerable<SettingProblem> Check(StateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!StateOptions.IsSqlite(options) && !StateOptions.IsRedis(options))
        {
            yield return SettingProblem.Of("State:Provider", options.Provider, "\"sqlite\" (the default: one file) or \"redis\" (several instances)", "sqlite");
            yield break;
        }

        if (StateOptions.IsSqlite(options) && string.IsNullOrWhiteSpace(options.Sqlite.Path))
        {
            yield return SettingProblem.Of("State:Sqlite:Path", options.Sqlite.Path, "the database file, such as data/networkingbot.db", "data/networkingbot.db");
        }

        if (StateOptions.IsRedis(options) && ConnectionStringError(options.Redis.ConnectionString) is { } error)
        {
            yield return new SettingProblem(
                "State:Redis:ConnectionString",
                $"is not usable: {error.TrimEnd('.')}",
                "host:port then settings such as ,password=...,prefix=networkingbot:",
                SettingProblem.FixBy("State:Redis:ConnectionString", "localhost:6379,prefix=networkingbot:"));
        }
    }

    private static string? ConnectionStringError(string connectionString)
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
