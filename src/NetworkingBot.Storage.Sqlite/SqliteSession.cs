using Microsoft.Data.Sqlite;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>What the three stores share: connections that are only handed out once the schema is current.</summary>
internal sealed class SqliteSession(SqliteConnectionFactory connections, Func<Task> ensureMigrated)
{
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await ensureMigrated().WaitAsync(cancellationToken);
        return await connections.OpenAsync(cancellationToken);
    }
}
