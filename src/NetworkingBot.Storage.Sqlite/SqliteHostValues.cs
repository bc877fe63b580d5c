using Dapper;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// Named text values the host keeps in the database file beside the data they belong to (the console shell's
/// clock): they are copied, backed up and deleted with it.
/// </summary>
public sealed class SqliteHostValues
{
    private readonly SqliteSession _session;

    internal SqliteHostValues(SqliteSession session) => _session = session;

    /// <summary>The value stored under <paramref name="name"/>, or null.</summary>
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _session.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            "SELECT value FROM host_values WHERE name = @name;", new { name }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="name"/>, replacing what was there.</summary>
    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        await _session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO host_values (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value;",
                new { name, value },
                transaction,
                cancellationToken: ct));
        }, cancellationToken);
    }
}
