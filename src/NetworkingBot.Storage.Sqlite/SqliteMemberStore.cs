using Dapper;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Storage.Sqlite;

internal sealed class SqliteMemberStore(SqliteSession session) : IMemberStore
{
    private const string Select =
        """
        SELECT community_id AS CommunityId, user_id AS UserId, display_name AS DisplayName, interests AS Interests,
               time_zone AS TimeZone, stage AS Stage, looking_for AS LookingFor, format AS Format, region AS Region,
               cadence AS Cadence, status AS Status, joined_at AS JoinedAt, paused_until AS PausedUntil,
               skip_next AS SkipNext, ignored_check_ins AS IgnoredCheckIns, last_round_at AS LastRoundAt
        FROM members
        """;

    public async Task<Member?> GetAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(
            Select + " WHERE community_id = @communityId AND user_id = @userId;",
            new { communityId, userId },
            cancellationToken: cancellationToken));
        return row?.ToMember();
    }

    public async Task<IReadOnlyDictionary<string, Member>> GetManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var found = new Dictionary<string, Member>(StringComparer.Ordinal);
        await using var connection = await session.OpenAsync(cancellationToken);

        // One statement whatever the count: the ids travel as one JSON array that json_each unpacks, so the text (and
        // its prepared plan) never changes and SQLite's limit on bound parameters never applies.
        var ids = System.Text.Json.JsonSerializer.Serialize(userIds.Distinct(StringComparer.Ordinal));
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            Select + " WHERE community_id = @communityId AND user_id IN (SELECT value FROM json_each(@ids));",
            new { communityId, ids },
            cancellationToken: cancellationToken));
        foreach (var row in rows)
        {
            found[row.UserId] = row.ToMember();
        }

        return found;
    }

    public async Task<IReadOnlyList<Member>> ListAsync(string communityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            Select + " WHERE community_id = @communityId ORDER BY user_id;",
            new { communityId },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMember()).ToList();
    }

    public async Task UpsertAsync(Member member, CancellationToken cancellationToken = default)
    {
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO members (community_id, user_id, display_name, interests, time_zone, stage, looking_for, format,
                                     region, cadence, status, joined_at, paused_until, skip_next, ignored_check_ins, last_round_at)
                VALUES (@CommunityId, @UserId, @DisplayName, @Interests, @TimeZone, @Stage, @LookingFor, @Format,
                        @Region, @Cadence, @Status, @JoinedAt, @PausedUntil, @SkipNext, @IgnoredCheckIns, @LastRoundAt)
                ON CONFLICT (community_id, user_id) DO UPDATE SET
                    display_name = excluded.display_name, interests = excluded.interests, time_zone = excluded.time_zone,
                    stage = excluded.stage, looking_for = excluded.looking_for, format = excluded.format,
                    region = excluded.region, cadence = excluded.cadence, status = excluded.status,
                    joined_at = excluded.joined_at, paused_until = excluded.paused_until, skip_next = excluded.skip_next,
                    ignored_check_ins = excluded.ignored_check_ins, last_round_at = excluded.last_round_at;
                """,
                MemberRow.From(member),
                transaction,
                cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM members WHERE community_id = @communityId AND user_id = @userId;",
                new { communityId, userId },
                transaction,
                cancellationToken: ct));
            return deleted > 0;
        }, cancellationToken);
    }
}
