using Microsoft.Data.Sqlite;

namespace NetworkingBot.Hosting;

/// <summary>
/// What a SQLite file holds that the store ports cannot list: its communities, and per community the members who
/// have an interview network log, job-lead delivery records or anything in the "My network" program (a log, notes,
/// nudges, settings or introductions made; the ports read those per member only).
/// </summary>
public sealed record MigrateSource(
    IReadOnlyList<string> Communities,
    IReadOnlyList<(string CommunityId, string UserId)> NetworkOwners,
    IReadOnlyList<(string CommunityId, string UserId)> DeliveryRecipients,
    IReadOnlyList<(string CommunityId, string UserId)> NetworkMembers)
{
    private const string NetworkMembersQuery =
        """
        SELECT community_id, owner_id FROM network_contacts UNION SELECT community_id, owner_id FROM network_notes
        UNION SELECT community_id, owner_id FROM network_nudges UNION SELECT community_id, user_id FROM network_settings
        UNION SELECT community_id, introducer_id FROM network_intros ORDER BY 1, 2;
        """;

    private const string CommunitiesQuery =
        """
        SELECT community_id FROM programs UNION SELECT community_id FROM members UNION SELECT community_id FROM rounds
        UNION SELECT community_id FROM interview_offers UNION SELECT community_id FROM interview_requests
        UNION SELECT community_id FROM network_entries UNION SELECT community_id FROM job_boards
        UNION SELECT community_id FROM job_leads UNION SELECT community_id FROM job_subscriptions
        UNION SELECT community_id FROM job_deliveries ORDER BY 1;
        """;

    /// <summary>Reads the lists from the (already migrated) file at <paramref name="path"/>, read-only.</summary>
    public static async Task<MigrateSource> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var communities = (await QueryAsync(connection, CommunitiesQuery, cancellationToken).ConfigureAwait(false)).Select(r => r[0]).ToList();
        var network = await PairsAsync(connection, "SELECT DISTINCT community_id, user_id FROM network_entries ORDER BY 1, 2;", cancellationToken).ConfigureAwait(false);
        var deliveries = await PairsAsync(connection, "SELECT DISTINCT community_id, user_id FROM job_deliveries ORDER BY 1, 2;", cancellationToken).ConfigureAwait(false);
        var networkMembers = await PairsAsync(connection, NetworkMembersQuery, cancellationToken).ConfigureAwait(false);
        return new MigrateSource(communities, network, deliveries, networkMembers);
    }

    private static async Task<List<(string, string)>> PairsAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, sql, cancellationToken).ConfigureAwait(false)).Select(r => (r[0], r[1])).ToList();

    private static async Task<List<string[]>> QueryAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }
}
