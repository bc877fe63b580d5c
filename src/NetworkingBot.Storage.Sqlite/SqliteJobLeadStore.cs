using Dapper;
using NetworkingBot.Core.JobLeads;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// <see cref="IJobLeadStore"/> in the same SQLite file as the other stores (its own tables, migration 0003).
/// It shares the store's session: the same connection pool, the same migration, and the same write queue.
/// </summary>
internal sealed partial class SqliteJobLeadStore(SqliteSession session) : IJobLeadStore
{
    public SqliteJobLeadStore(SqliteStore store)
        : this(store.Session)
    {
    }

    public async Task<JobBoard?> GetBoardAsync(string communityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobBoardRow>(new CommandDefinition(
            $"SELECT {JobBoardRow.Columns} FROM job_boards WHERE community_id = @communityId;", new { communityId }, cancellationToken: cancellationToken));
        return row?.ToBoard();
    }

    public async Task<IReadOnlyList<JobBoard>> ListBoardsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobBoardRow>(new CommandDefinition(
            $"SELECT {JobBoardRow.Columns} FROM job_boards ORDER BY community_id;", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToBoard()).ToList();
    }

    public async Task UpsertBoardAsync(JobBoard board, CancellationToken cancellationToken = default)
    {
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO job_boards (community_id, channel_id, digest_day, digest_time, time_zone, last_weekly_digest_at, updated_at)
                VALUES (@CommunityId, @ChannelId, @DigestDay, @DigestTime, @TimeZone, @LastWeeklyDigestAt, @UpdatedAt)
                ON CONFLICT (community_id) DO UPDATE SET
                    channel_id = excluded.channel_id, digest_day = excluded.digest_day, digest_time = excluded.digest_time,
                    time_zone = excluded.time_zone, last_weekly_digest_at = excluded.last_weekly_digest_at, updated_at = excluded.updated_at;
                """,
                JobBoardRow.From(board), transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<JobLead> AddLeadAsync(JobLead lead, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            // One statement: the next number is read and taken atomically, so two writers cannot get the same one.
            var number = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO job_leads (community_id, number, title, employer, location, remote, link, link_key, deadline, type, tags,
                                       salary, note, anonymous, unposted, sharer_id, sharer_name, shared_at, expires_at, status, closed_at, closed_by, post_ref)
                VALUES (@CommunityId, (SELECT COALESCE(MAX(number), 0) + 1 FROM job_leads WHERE community_id = @CommunityId),
                        @Title, @Employer, @Location, @Remote, @Link, @LinkKey, @Deadline, @Type, @Tags, @Salary, @Note, @Anonymous,
                        @Unposted, @SharerId, @SharerName, @SharedAt, @ExpiresAt, @Status, @ClosedAt, @ClosedBy, @PostRef)
                RETURNING number;
                """,
                JobLeadRow.From(lead), transaction, cancellationToken: ct));
            return lead with { Number = (int)number };
        }, cancellationToken);
    }

    public async Task UpdateLeadAsync(JobLead lead, CancellationToken cancellationToken = default)
    {
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE job_leads SET status = @Status, closed_at = @ClosedAt, closed_by = @ClosedBy, post_ref = @PostRef WHERE community_id = @CommunityId AND number = @Number;",
                new { Status = lead.Status.ToString(), ClosedAt = Instant(lead.ClosedAt), lead.ClosedBy, lead.PostRef, lead.CommunityId, lead.Number },
                transaction,
                cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<JobLead?> GetLeadAsync(string communityId, int number, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobLeadRow>(new CommandDefinition(
            $"SELECT {JobLeadRow.Columns} FROM job_leads WHERE community_id = @communityId AND number = @number;",
            new { communityId, number }, cancellationToken: cancellationToken));
        return row?.ToLead();
    }

    public async Task<IReadOnlyList<JobLead>> ListLeadsAsync(string communityId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobLeadRow>(new CommandDefinition(
            $"SELECT {JobLeadRow.Columns} FROM job_leads WHERE community_id = @communityId AND shared_at >= @since ORDER BY shared_at DESC, number DESC;",
            new { communityId, since = Instant(since < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : since) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLead()).ToList();
    }
}
