using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// Brings the database file up to the newest embedded schema. Each script runs in its own write
/// transaction together with its row in <c>schema_migrations</c>, so a failed script leaves no trace and
/// two processes starting at once cannot both apply it. Running it again applies nothing.
/// </summary>
internal sealed class SqliteMigrator(SqliteConnectionFactory connections, IReadOnlyList<Migration> migrations)
{
    public SqliteMigrator(SqliteConnectionFactory connections)
        : this(connections, Migration.LoadEmbedded())
    {
    }

    /// <summary>Applies the missing migrations in order and returns their names.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(connections.DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);

        // WAL lets readers run beside the single writer; the mode is stored in the file, and cannot be
        // changed inside a transaction, so it is set here once before any script runs.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at TEXT    NOT NULL
            );
            """,
            cancellationToken: cancellationToken));

        var applied = new List<string>();
        foreach (var migration in migrations)
        {
            if (await TryApplyAsync(connection, migration, cancellationToken))
            {
                applied.Add(migration.Name);
            }
        }

        return applied;
    }

    private static async Task<bool> TryApplyAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);

        // Checked inside the write transaction: another process may have applied it since we started.
        var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version;",
            new { migration.Version },
            transaction,
            cancellationToken: cancellationToken));
        if (done > 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At);",
            new { migration.Version, migration.Name, At = SqliteValues.Instant(DateTimeOffset.UtcNow) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
