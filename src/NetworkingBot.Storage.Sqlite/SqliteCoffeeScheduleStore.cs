using Dapper;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Storage.Sqlite;

internal sealed class SqliteCoffeeScheduleStore(SqliteSession session) : ICoffeeScheduleStore
{
    private const string Select =
        """
        SELECT community_id AS CommunityId, channel_id AS ChannelId, day AS Day, time AS Time, time_zone AS TimeZone,
               cadence AS Cadence, group_size AS GroupSize, check_in_after_days AS CheckInAfterDays, anchor AS Anchor,
               enabled AS Enabled, updated_at AS UpdatedAt
        FROM programs
        """;

    public async Task<CoffeeSchedule?> GetAsync(string communityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProgramRow>(new CommandDefinition(
            Select + " WHERE community_id = @communityId;", new { communityId }, cancellationToken: cancellationToken));
        return row?.ToProgram();
    }

    public async Task<IReadOnlyList<CoffeeSchedule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProgramRow>(new CommandDefinition(
            Select + " ORDER BY community_id;", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToProgram()).ToList();
    }

    public async Task UpsertAsync(CoffeeSchedule program, CancellationToken cancellationToken = default)
    {
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO programs (community_id, channel_id, day, time, time_zone, cadence, group_size,
                                      check_in_after_days, anchor, enabled, updated_at)
                VALUES (@CommunityId, @ChannelId, @Day, @Time, @TimeZone, @Cadence, @GroupSize,
                        @CheckInAfterDays, @Anchor, @Enabled, @UpdatedAt)
                ON CONFLICT (community_id) DO UPDATE SET
                    channel_id = excluded.channel_id, day = excluded.day, time = excluded.time,
                    time_zone = excluded.time_zone, cadence = excluded.cadence, group_size = excluded.group_size,
                    check_in_after_days = excluded.check_in_after_days, anchor = excluded.anchor,
                    enabled = excluded.enabled, updated_at = excluded.updated_at;
                """,
                ProgramRow.From(program),
                transaction,
                cancellationToken: ct));
        }, cancellationToken);
    }
}
