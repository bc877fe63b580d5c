using Microsoft.Data.Sqlite;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>
/// Prints SQLite's plan for the store's due-nudge and list queries (their SQL copied from <c>SqliteNetworkStore</c>),
/// so the figures come with the evidence that they read an index, not a scan.
/// </summary>
public static class SqlitePlans
{
    private static readonly (string Name, string Sql)[] Queries =
    [
        ("due nudges", "SELECT * FROM network_nudges WHERE due_at <= '2026-06-02T00:00:00.0000000Z' ORDER BY due_at, community_id, owner_id, other_id LIMIT 500"),
        ("list page", "SELECT * FROM network_contacts WHERE community_id = 'discord:1' AND owner_id = 'heavy' ORDER BY last_spoke DESC, other_id LIMIT 10 OFFSET 0"),
    ];

    public static async Task PrintAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        foreach (var (name, sql) in Queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            await using var reader = await command.ExecuteReaderAsync();
            var steps = new List<string>();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }

            Console.WriteLine($"Plan, {name}: {string.Join("; ", steps)}");
        }
    }
}
