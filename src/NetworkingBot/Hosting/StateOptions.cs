namespace NetworkingBot.Hosting;

/// <summary>Where state lives (section "State"). SQLite by default; Redis when several instances share the work.</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    public string Provider { get; set; } = "sqlite";

    public SqliteStateOptions Sqlite { get; set; } = new();

    public RedisStateOptions Redis { get; set; } = new();

    public static bool IsSqlite(StateOptions options) => string.Equals(options?.Provider, "sqlite", StringComparison.OrdinalIgnoreCase);

    public static bool IsRedis(StateOptions options) => string.Equals(options?.Provider, "redis", StringComparison.OrdinalIgnoreCase);
}

public sealed class SqliteStateOptions
{
    /// <summary>The database file, relative to the working directory; created with its folder on first start.</summary>
    public string Path { get; set; } = "data/networkingbot.db";
}

public sealed class RedisStateOptions
{
    /// <summary>
    /// StackExchange.Redis-style: "host:port,password=...,user=...,ssl=true,defaultDatabase=0,prefix=nb:";
    /// the password is better given as an environment variable (State__Redis__ConnectionString).
    /// </summary>
    public string ConnectionString { get; set; } = "localhost:6379,prefix=networkingbot:";
}
