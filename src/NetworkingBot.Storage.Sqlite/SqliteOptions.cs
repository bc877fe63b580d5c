namespace NetworkingBot.Storage.Sqlite;

/// <summary>Where the SQLite store keeps its file and how long a write waits for another writer.</summary>
public sealed class SqliteOptions
{
    /// <summary>The database file; relative paths resolve against the working directory. Its directory is created if missing.</summary>
    public string Path { get; set; } = "networkingbot.db";

    /// <summary>How long an operation waits for the write lock held by another connection before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
