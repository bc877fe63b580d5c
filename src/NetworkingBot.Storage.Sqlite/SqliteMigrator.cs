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

    /// <summary>
    /// Applies the missing migrations in order and returns their names. A file that cannot be used (a directory,
    /// read-only, locked, damaged) is a <see cref="SqliteFileException"/> saying which.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var path = connections.DatabasePath;
        if (Directory.Exists(path))
        {
            throw new SqliteFileException(path, SqliteFileProblem.IsDirectory, "a folder has that name");
        }

        try
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SqliteFileException(path, SqliteFileProblem.CannotOpen, ex.Message, ex);
        }

        try
        {
            return await MigrateFileAsync(path, cancellationToken);
        }
        catch (SqliteException ex) when (SqliteFileException.Classify(ex) is { } problem)
        {
            throw new SqliteFileException(path, problem, ex.Message, ex);
        }
    }

    private async Task<IReadOnlyList<string>> MigrateFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);

        // A damaged file is named now, not when a member's command first reads the broken page. quick_check
        // reads every page once (milliseconds for this bot's data) and answers "ok" or the problems it found.
        var check = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition("PRAGMA quick_check(1);", cancellationToken: cancellationToken));
        if (!string.Equals(check, "ok", StringComparison.Ordinal))
        {
            throw new SqliteFileException(path, SqliteFileProblem.Damaged, $"integrity check: {check?.ReplaceLineEndings(" ") ?? "no answer"}");
        }

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
