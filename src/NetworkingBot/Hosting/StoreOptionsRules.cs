using NetworkingBot.Core.Settings;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Sqlite;

namespace NetworkingBot.Hosting;

/// <summary>What the "State" settings must be: a store this build has, and a usable path or connection string for it.</summary>
public sealed class StoreOptionsRules : SettingRules<StoreOptions>
{
    public const string SqliteSection = StoreOptions.Section + ":Sqlite";

    public const string RedisSection = StoreOptions.Section + ":Redis";

    public override IEnumerable<SettingProblem> Check(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!StoreOptions.IsSqlite(options) && !StoreOptions.IsRedis(options))
        {
            yield return SettingProblem.Of("State:Provider", options.Provider, "\"sqlite\" (the default: one file) or \"redis\" (several instances)", "sqlite");
            yield break;
        }

        if (options.InstanceId.Length > 0 && (options.InstanceId.Length > 64 || !options.InstanceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            yield return SettingProblem.Of("State:InstanceId", options.InstanceId, "empty, or 1 to 64 letters, digits, '-', '_' or '.' (a name no other running instance uses)", "bot-1");
        }

        // The store's own rules, named as the host binds them.
        var problems = StoreOptions.IsSqlite(options)
            ? new SqliteOptionsRules(SqliteSection).Check(new SqliteOptions { Path = options.Sqlite.Path })
            : new RedisStoreOptionsRules(RedisSection).Check(new RedisStoreOptions { ConnectionString = options.Redis.ConnectionString });
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }
}
