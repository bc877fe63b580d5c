using Dapper;
using NetworkingBot.Core.Interviews;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

internal sealed partial class SqliteInterviewStore
{
    public async Task AddNetworkEntryAsync(NetworkEntry entry, CancellationToken cancellationToken = default)
    {
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO network_entries (community_id, user_id, source_id, other_user_id, kind, at)
                VALUES (@CommunityId, @UserId, @SourceId, @OtherUserId, @Kind, @At) ON CONFLICT DO NOTHING;
                """,
                new { entry.CommunityId, entry.UserId, entry.SourceId, entry.OtherUserId, entry.Kind, At = Instant(entry.At) }, transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<NetworkEntry>> ListNetworkAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string CommunityId, string UserId, string OtherUserId, string Kind, string SourceId, string At)>(new CommandDefinition(
            """
            SELECT community_id, user_id, other_user_id, kind, source_id, at FROM network_entries
            WHERE community_id = @communityId AND user_id = @userId ORDER BY at, source_id;
            """,
            new { communityId, userId }, cancellationToken: cancellationToken));
        return rows.Select(r => new NetworkEntry(r.CommunityId, r.UserId, r.OtherUserId, r.Kind, r.SourceId, ToInstant(r.At))).ToList();
    }

    public async Task<int> DeleteNetworkAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM network_entries WHERE community_id = @communityId AND user_id = @userId;", new { communityId, userId }, transaction, cancellationToken: ct));
        }, cancellationToken);
    }
}
