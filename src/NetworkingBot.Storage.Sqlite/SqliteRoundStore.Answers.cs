using Dapper;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>Deliveries, their intents and check-in answers: one statement each, on the file's write queue.</summary>
internal sealed partial class SqliteRoundStore
{
    public async Task<bool> TryRecordDeliveryAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT OR IGNORE INTO deliveries (round_id, delivery_key, delivered_at) VALUES (@roundId, @deliveryKey, @at);",
                new { roundId, deliveryKey, at = SqliteValues.Instant(at) },
                transaction,
                cancellationToken: ct));
            return inserted > 0;
        }, cancellationToken);
    }

    public async Task<bool> TryRecordIntentAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT OR IGNORE INTO delivery_intents (round_id, delivery_key, intended_at) VALUES (@roundId, @deliveryKey, @at);",
                new { roundId, deliveryKey, at = SqliteValues.Instant(at) },
                transaction,
                cancellationToken: ct));
            return inserted > 0;
        }, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> GetDeliveriesAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var keys = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT delivery_key FROM deliveries WHERE round_id = @roundId;", new { roundId }, cancellationToken: cancellationToken));
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    public async Task SaveCheckInAsync(CheckInResponse response, CancellationToken cancellationToken = default)
    {
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO check_ins (round_id, user_id, community_id, answer, answered_at)
                VALUES (@RoundId, @UserId, @CommunityId, @Answer, @AnsweredAt)
                ON CONFLICT (round_id, user_id) DO UPDATE SET
                    community_id = excluded.community_id, answer = excluded.answer, answered_at = excluded.answered_at;
                """,
                CheckInRow.From(response),
                transaction,
                cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<CheckInResponse>> GetCheckInsAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CheckInRow>(new CommandDefinition(
            """
            SELECT round_id AS RoundId, community_id AS CommunityId, user_id AS UserId, answer AS Answer, answered_at AS AnsweredAt
            FROM check_ins WHERE round_id = @roundId ORDER BY user_id;
            """,
            new { roundId },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToResponse()).ToList();
    }
}
