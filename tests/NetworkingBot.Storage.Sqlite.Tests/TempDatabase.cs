using NetworkingBot.Storage.Sqlite;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>A unique directory per test, so tests run in parallel without sharing a file; deleted on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly List<SqliteStore> _stores = [];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "networkingbot-sqlite-tests", Guid.NewGuid().ToString("N"));

    public string PathOf(string file = "bot.db") => Path.Combine(Directory, file);

    public SqliteStore Open(string file = "bot.db", TimeSpan? busyTimeout = null)
    {
        var options = new SqliteOptions { Path = PathOf(file) };
        options.BusyTimeout = busyTimeout ?? options.BusyTimeout;
        var store = new SqliteStore(options);
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting it.
        foreach (var store in _stores)
        {
            store.ReleaseConnections();
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
