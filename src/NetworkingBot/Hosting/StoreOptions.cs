namespace NetworkingBot.Hosting;

/// <summary>
/// Which store holds everything: SQLite by default; Redis when several instances share the work. The code calls the
/// concept "store"; the settings section keeps its name "State", which is what operators have configured.
/// </summary>
public sealed class StoreOptions
{
    public const string Section = "State";

    public string Provider { get; set; } = "sqlite";

    public StoreSqliteOptions Sqlite { get; set; } = new();

    public StoreRedisOptions Redis { get; set; } = new();

    /// <summary>
    /// Optional: this instance's lasting name among those sharing the store (see <see cref="Core.Leases.LeaseOptions"/>),
    /// so that after a crash it takes back its own leases at once. At most one running process may use it.
    /// </summary>
    public string InstanceId { get; set; } = "";

    public static bool IsSqlite(StoreOptions options) => string.Equals(options?.Provider, "sqlite", StringComparison.OrdinalIgnoreCase);

    public static bool IsRedis(StoreOptions options) => string.Equals(options?.Provider, "redis", StringComparison.OrdinalIgnoreCase);
}

public sealed class StoreSqliteOptions
{
    /// <summary>The database file, relative to the working directory; created with its folder on first start.</summary>
    public string Path { get; set; } = "data/networkingbot.db";
}

public sealed class StoreRedisOptions
{
    /// <summary>
    /// StackExchange.Redis-style: "host:port,password=...,user=...,ssl=true,defaultDatabase=0,prefix=nb:";
    /// the password is better given as an environment variable (State__Redis__ConnectionString).
    /// </summary>
    public string ConnectionString { get; set; } = "localhost:6379,prefix=networkingbot:";
}
