using Dapper;
using NetworkingBot.Core.CoffeeChats;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// A planned round and its members' bookkeeping in one write transaction: a fault on any member's row (a full disk)
/// rolls the plan back too, so the round is still claimed and its resume plans it again.
/// </summary>
internal sealed partial class SqliteRoundStore
{
    public async Task SavePlanAsync(Round round, IReadOnlyCollection<MemberRoundUpdate> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(members);
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await WriteRoundAsync(connection, transaction, round, ct);

            // Only the two bookkeeping columns, and only on rows that exist: a member forgotten meanwhile stays gone.
            if (members.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE members SET last_round_at = @LastRoundAt, skip_next = @SkipNext
                    WHERE community_id = @CommunityId AND user_id = @UserId;
                    """,
                    members.Select(m => new { round.CommunityId, m.UserId, LastRoundAt = Instant(m.LastRoundAt), m.SkipNext }).ToArray(),
                    transaction,
                    cancellationToken: ct));
            }

        }, cancellationToken);
    }
}
