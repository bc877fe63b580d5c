namespace NetworkingBot.Hosting;

/// <summary>Where state lives (section "State"). SQLite by default; Redis arrives for several instances.</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    public string Provider { get; set; } = "sqlite";

    public SqliteStateOptions Sqlite { get; set; } = new();
}

public sealed class SqliteStateOptions
{
    /// <summary>The database file, relative to the working directory; created with its folder on first start.</summary>
    public string Path { get; set; } = "data/networkingbot.db";
}
