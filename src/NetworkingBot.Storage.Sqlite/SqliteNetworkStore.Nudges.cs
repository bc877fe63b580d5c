using Dapper;
using NetworkingBot.Core.Network;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

internal sealed partial class SqliteNetworkStore
{
    public async Task ScheduleNudgeAsync(NetworkNudge nudge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO network_nudges (community_id, owner_id, other_id, kind, due_at) VALUES (@CommunityId, @OwnerId, @OtherId, @Kind, @DueAt)
                ON CONFLICT (community_id, owner_id, other_id, kind) DO UPDATE SET due_at = excluded.due_at;
                """,
                NetworkNudgeRow.From(nudge), transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<NetworkNudge>> ListNudgesAsync(string communityId, string ownerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NetworkNudgeRow>(new CommandDefinition(
            $"SELECT {NetworkNudgeRow.Columns} FROM network_nudges WHERE community_id = @communityId AND owner_id = @ownerId;",
            new { communityId, ownerId }, cancellationToken: cancellationToken));
        return Ordered(rows.Select(r => r.ToNudge()));
    }

    public async Task<IReadOnlyList<NetworkNudge>> ListDueNudgesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);

        // Read from network_nudges_by_due: the sweep costs what is due, not what is stored.
        var rows = await connection.QueryAsync<NetworkNudgeRow>(new CommandDefinition(
            $"""
            SELECT {NetworkNudgeRow.Columns} FROM network_nudges WHERE due_at <= @now
            ORDER BY due_at, community_id, owner_id, other_id LIMIT @limit;
            """,
            new { now = Instant(now), limit }, cancellationToken: cancellationToken));
        return Ordered(rows.Select(r => r.ToNudge()));
    }

    public async Task<IReadOnlyList<NetworkNudge>> TakeNudgesAsync(IReadOnlyList<NetworkNudge> nudges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        if (nudges.Count == 0)
        {
            return [];
        }

        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            // Deleting the row with the due time the caller read is the claim: one winner per row. One IMMEDIATE
            // transaction for the whole batch is one commit (one WAL sync) instead of one per nudge.
            var taken = new List<NetworkNudge>(nudges.Count);
            foreach (var nudge in nudges)
            {
                var deleted = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    DELETE FROM network_nudges
                    WHERE community_id = @CommunityId AND owner_id = @OwnerId AND other_id = @OtherId AND kind = @Kind AND due_at = @DueAt;
                    """,
                    NetworkNudgeRow.From(nudge), transaction, cancellationToken: ct));
                if (deleted == 1)
                {
                    taken.Add(nudge);
                }
            }

            return taken;
        }, cancellationToken);
    }

    public async Task AddIntroAsync(IntroRecord intro, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intro);
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO network_intros (community_id, introducer_id, first_id, second_id, at)
                VALUES (@CommunityId, @IntroducerId, @FirstId, @SecondId, @At);
                """,
                new { intro.CommunityId, intro.IntroducerId, intro.FirstId, intro.SecondId, At = Instant(intro.At) }, transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<IntroRecord>> ListIntrosSinceAsync(string communityId, string introducerId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NetworkIntroRow>(new CommandDefinition(
            $"""
            SELECT {NetworkIntroRow.Columns} FROM network_intros
            WHERE community_id = @communityId AND introducer_id = @introducerId AND at >= @since ORDER BY at, id;
            """,
            new { communityId, introducerId, since = Instant(since) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToIntro()).ToList();
    }

    public async Task<int> ForgetMemberAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            var args = new { communityId, userId, placeholder = NetworkForgetting.Placeholder() };
            string[] statements =
            [
                "DELETE FROM network_notes WHERE community_id = @communityId AND owner_id = @userId;",
                "DELETE FROM network_contacts WHERE community_id = @communityId AND owner_id = @userId;",
                "UPDATE network_contacts SET other_id = @placeholder, former_member = 1 WHERE community_id = @communityId AND other_id = @userId;",
                "UPDATE network_notes SET other_id = @placeholder WHERE community_id = @communityId AND other_id = @userId;",
                "DELETE FROM network_nudges WHERE community_id = @communityId AND (owner_id = @userId OR other_id = @userId);",
                "DELETE FROM network_settings WHERE community_id = @communityId AND user_id = @userId;",
                "DELETE FROM network_intros WHERE community_id = @communityId AND (introducer_id = @userId OR first_id = @userId OR second_id = @userId);",
            ];
            var deleted = 0;
            for (var i = 0; i < statements.Length; i++)
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(statements[i], args, transaction, cancellationToken: ct));
                deleted += i < 2 ? changed : 0;
            }

            return deleted;
        }, cancellationToken);
    }

    // Kind is stored as text; order by its enum value in memory so every store lists a tie the same way.
    private static List<NetworkNudge> Ordered(IEnumerable<NetworkNudge> nudges) =>
        nudges.OrderBy(n => n.DueAt).ThenBy(n => n.CommunityId, StringComparer.Ordinal).ThenBy(n => n.OwnerId, StringComparer.Ordinal)
            .ThenBy(n => n.OtherId, StringComparer.Ordinal).ThenBy(n => n.Kind).ToList();
}
