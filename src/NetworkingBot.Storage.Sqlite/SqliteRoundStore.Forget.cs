using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>Forget-me: one write transaction, so a crash never leaves the user half forgotten.</summary>
internal sealed partial class SqliteRoundStore
{
    private const string CommunityRounds = "SELECT round_id FROM rounds WHERE community_id = @communityId";

    public async Task<int> ForgetUserAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            var args = new { communityId, userId, suffix = ":" + userId };
            var touched = new HashSet<string>(StringComparer.Ordinal);

            // Lists are rewritten in C# rather than with json_group_array, whose element order SQLite does not promise.
            var groups = await connection.QueryAsync<GroupRow>(new CommandDefinition(
                $"""
                SELECT round_id AS RoundId, group_index AS GroupIndex, members AS Members, why AS Why FROM round_groups
                WHERE round_id IN ({CommunityRounds}) AND EXISTS (SELECT 1 FROM json_each(members) WHERE value = @userId);
                """,
                args, transaction, cancellationToken: ct));
            foreach (var group in groups)
            {
                touched.Add(group.RoundId);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE round_groups SET members = @members WHERE round_id = @RoundId AND group_index = @GroupIndex;",
                    new { members = Without(group.Members, userId), group.RoundId, group.GroupIndex },
                    transaction, cancellationToken: ct));
            }

            var unmatched = await connection.QueryAsync<(string RoundId, string Unmatched)>(new CommandDefinition(
                """
                SELECT round_id, unmatched FROM rounds
                WHERE community_id = @communityId AND EXISTS (SELECT 1 FROM json_each(unmatched) WHERE value = @userId);
                """,
                args, transaction, cancellationToken: ct));
            foreach (var (roundId, list) in unmatched)
            {
                touched.Add(roundId);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE rounds SET unmatched = @list WHERE round_id = @roundId;",
                    new { list = Without(list, userId), roundId },
                    transaction, cancellationToken: ct));
            }

            // Delivery keys end in ":{userId}"; compared by exact suffix, not LIKE, which would treat '_' and '%'
            // in ids as wildcards and ignore ASCII case.
            touched.UnionWith(await DeleteReturningRoundsAsync(
                connection, transaction, $"DELETE FROM check_ins WHERE user_id = @userId AND round_id IN ({CommunityRounds}) RETURNING round_id;", args, ct));
            // A member's delivery records and the intents recorded before each send, by the key's member suffix.
            foreach (var table in new[] { "deliveries", "delivery_intents" })
            {
                touched.UnionWith(await DeleteReturningRoundsAsync(
                    connection,
                    transaction,
                    $"""
                    DELETE FROM {table}
                    WHERE round_id IN ({CommunityRounds})
                      AND length(delivery_key) > length(@suffix) AND substr(delivery_key, -length(@suffix)) = @suffix
                    RETURNING round_id;
                    """,
                    args,
                    ct));
            }

            return touched.Count;
        }, cancellationToken);
    }

    private static Task<IEnumerable<string>> DeleteReturningRoundsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, object args, CancellationToken cancellationToken) =>
        connection.QueryAsync<string>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));

    private static string Without(string json, string userId) =>
        SqliteValues.Json(SqliteValues.ToList(json).Where(id => !string.Equals(id, userId, StringComparison.Ordinal)).ToList());
}
