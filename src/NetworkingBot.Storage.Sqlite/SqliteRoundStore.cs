using Dapper;
using Microsoft.Data.Sqlite;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// Rounds, deliveries and check-ins. Every write runs on the file's <see cref="SqliteWriteQueue"/>, inside a BEGIN
/// IMMEDIATE transaction that holds the write lock from the start, so a read-modify-write (a claim's next number)
/// reads nothing another writer could change before it writes.
/// </summary>
internal sealed partial class SqliteRoundStore(SqliteSession session) : IRoundStore
{
    public async Task<Round?> TryClaimAsync(Round round, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            // The slot's unique index decides the winner; the number is computed under the same write lock,
            // so two claims in one community can never read the same maximum.
            var number = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
                """
                INSERT INTO rounds (round_id, community_id, slot_key, number, scheduled_for, created_at, status, seed, unmatched, check_in_at)
                VALUES (@RoundId, @CommunityId, @SlotKey,
                        (SELECT COALESCE(MAX(number), 0) + 1 FROM rounds WHERE community_id = @CommunityId),
                        @ScheduledFor, @CreatedAt, @Status, @Seed, @Unmatched, @CheckInAt)
                ON CONFLICT (community_id, slot_key) DO NOTHING
                RETURNING number;
                """,
                RoundRow.From(round),
                transaction,
                cancellationToken: ct));
            if (number is null)
            {
                return null;
            }

            var claimed = round with { Number = number.Value };
            await RoundReader.InsertGroupsAsync(connection, claimed, transaction, ct);
            return claimed;
        }, cancellationToken);
    }

    public async Task UpdateAsync(Round round, CancellationToken cancellationToken = default)
    {
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await WriteRoundAsync(connection, transaction, round, ct);
        }, cancellationToken);
    }

    /// <summary>Replaces a round's mutable parts inside the caller's transaction; throws when the round was never claimed.</summary>
    private static async Task WriteRoundAsync(SqliteConnection connection, SqliteTransaction transaction, Round round, CancellationToken cancellationToken)
    {
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE rounds SET status = @Status, unmatched = @Unmatched, check_in_at = @CheckInAt WHERE round_id = @RoundId;",
            RoundRow.From(round),
            transaction,
            cancellationToken: cancellationToken));

        // Updating a round that was never claimed is a bug in the caller; saying nothing would lose the round.
        if (updated == 0)
        {
            throw new InvalidOperationException($"Round {round.RoundId} does not exist; claim it before updating it.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM round_groups WHERE round_id = @RoundId;", new { round.RoundId }, transaction, cancellationToken: cancellationToken));
        await RoundReader.InsertGroupsAsync(connection, round, transaction, cancellationToken);
    }

    public async Task<Round?> GetAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rounds = await RoundReader.QueryAsync(
            connection, RoundRow.Select + " WHERE round_id = @roundId;", new { roundId }, cancellationToken);
        return rounds.SingleOrDefault();
    }

    public async Task<Round?> GetBySlotAsync(string communityId, string slotKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rounds = await RoundReader.QueryAsync(
            connection, RoundRow.Select + " WHERE community_id = @communityId AND slot_key = @slotKey;", new { communityId, slotKey }, cancellationToken);
        return rounds.SingleOrDefault();
    }

    public async Task<IReadOnlyList<Round>> ListAsync(string communityId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await session.OpenAsync(cancellationToken);
        return await RoundReader.QueryAsync(
            connection,
            RoundRow.Select + " WHERE community_id = @communityId ORDER BY number DESC LIMIT @limit;",
            new { communityId, limit },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Round>> ListByStatusAsync(IReadOnlyCollection<RoundStatus> statuses, CancellationToken cancellationToken = default)
    {
        if (statuses.Count == 0)
        {
            return [];
        }

        await using var connection = await session.OpenAsync(cancellationToken);
        return await RoundReader.QueryAsync(
            connection,
            RoundRow.Select + " WHERE status IN @statuses ORDER BY community_id, number;",
            new { statuses = statuses.Select(s => s.ToString()).Distinct().ToArray() },
            cancellationToken);
    }
}
