using Microsoft.Data.Sqlite;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// Opens one pooled connection per operation, which is what makes the stores thread-safe:
/// a SqliteConnection must not be shared between threads, but the pool makes opening cheap.
/// </summary>
internal sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteConnectionFactory(SqliteOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        DatabasePath = System.IO.Path.GetFullPath(options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();

        // busy_timeout is per connection, so it is set on every open (pooled connections keep it; repeating is cheap).
        _pragmas = $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};";
    }

    public string DatabasePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes idle pooled connections so the file can be moved or deleted.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
