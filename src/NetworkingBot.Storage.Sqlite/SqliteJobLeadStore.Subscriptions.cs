using Dapper;
using NetworkingBot.Core.JobLeads;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>Subscriptions, delivery records and forget-me.</summary>
internal sealed partial class SqliteJobLeadStore
{
    public async Task<JobSubscription?> GetSubscriptionAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobSubscriptionRow>(new CommandDefinition(
            $"SELECT {JobSubscriptionRow.Columns} FROM job_subscriptions WHERE community_id = @communityId AND user_id = @userId;",
            new { communityId, userId }, cancellationToken: cancellationToken));
        return row?.ToSubscription();
    }

    public async Task<IReadOnlyList<JobSubscription>> ListSubscriptionsAsync(string communityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobSubscriptionRow>(new CommandDefinition(
            $"SELECT {JobSubscriptionRow.Columns} FROM job_subscriptions WHERE community_id = @communityId ORDER BY user_id;",
            new { communityId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubscription()).ToList();
    }

    public async Task<IReadOnlyList<JobSubscription>> ListSubscriptionsAsync(string communityId, JobLeadDelivery delivery, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobSubscriptionRow>(new CommandDefinition(
            $"SELECT {JobSubscriptionRow.Columns} FROM job_subscriptions WHERE community_id = @communityId AND delivery = @delivery ORDER BY user_id;",
            new { communityId, delivery = delivery.ToString() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubscription()).ToList();
    }

    public async Task UpsertSubscriptionAsync(JobSubscription subscription, CancellationToken cancellationToken = default)
    {
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO job_subscriptions (community_id, user_id, tags, location_words, types, delivery, time_zone, created_at, last_digest_at)
                VALUES (@CommunityId, @UserId, @Tags, @LocationWords, @Types, @Delivery, @TimeZone, @CreatedAt, @LastDigestAt)
                ON CONFLICT (community_id, user_id) DO UPDATE SET
                    tags = excluded.tags, location_words = excluded.location_words, types = excluded.types, delivery = excluded.delivery,
                    time_zone = excluded.time_zone, created_at = excluded.created_at, last_digest_at = excluded.last_digest_at;
                """,
                JobSubscriptionRow.From(subscription), transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<bool> DeleteSubscriptionAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM job_subscriptions WHERE community_id = @communityId AND user_id = @userId;",
                new { communityId, userId }, transaction, cancellationToken: ct)) > 0;
        }, cancellationToken);
    }

    public async Task<bool> TryRecordDeliveryAsync(string communityId, string userId, int number, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO job_deliveries (community_id, user_id, number, sent_at) VALUES (@communityId, @userId, @number, @at) ON CONFLICT DO NOTHING;",
                new { communityId, userId, number, at = Instant(at) }, transaction, cancellationToken: ct)) > 0;
        }, cancellationToken);
    }

    public async Task<IReadOnlySet<int>> GetDeliveriesAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var numbers = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT number FROM job_deliveries WHERE community_id = @communityId AND user_id = @userId;",
            new { communityId, userId }, cancellationToken: cancellationToken));
        return numbers.Select(n => (int)n).ToHashSet();
    }

    public async Task<int> ForgetUserAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            var args = new { communityId, userId };
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM job_subscriptions WHERE community_id = @communityId AND user_id = @userId;", args, transaction, cancellationToken: ct));
            changed += await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM job_deliveries WHERE community_id = @communityId AND user_id = @userId;", args, transaction, cancellationToken: ct));
            changed += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE job_leads SET sharer_id = '', sharer_name = '', anonymous = 1 WHERE community_id = @communityId AND sharer_id = @userId;", args, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE job_leads SET closed_by = NULL WHERE community_id = @communityId AND closed_by = @userId;", args, transaction, cancellationToken: ct));
            return changed;
        }, cancellationToken);
    }
}
