using Microsoft.Data.Sqlite;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// What the stores on one file share: connections that are only handed out once the schema is current, for reads,
/// and one <see cref="SqliteWriteQueue"/> that every write goes through.
/// </summary>
internal sealed class SqliteSession
{
    private readonly SqliteConnectionFactory _connections;
    private readonly Func<Task> _ensureMigrated;

    public SqliteSession(SqliteConnectionFactory connections, Func<Task> ensureMigrated)
    {
        _connections = connections;
        _ensureMigrated = ensureMigrated;

        // Not a caller's token: the connection serves every write in the batch.
        Writes = new SqliteWriteQueue(() => OpenAsync(CancellationToken.None));
    }

    public SqliteWriteQueue Writes { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _ensureMigrated().WaitAsync(cancellationToken);
        return await _connections.OpenAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="write"/> in the file's next write transaction (see <see cref="SqliteWriteQueue"/>).</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken) =>
        Writes.WriteAsync(write, cancellationToken);

    /// <summary>Runs <paramref name="write"/> in the file's next write transaction (see <see cref="SqliteWriteQueue"/>).</summary>
    public Task WriteAsync(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        Writes.WriteAsync(write, cancellationToken);
}
