using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using NetworkingBot.Core.Interviews;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>Interview offers and requests in SQLite (migration 0002); the network log is in <c>SqliteInterviewStore.Network.cs</c>.</summary>
internal sealed partial class SqliteInterviewStore(SqliteSession session) : IInterviewStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<InterviewOffer?> GetOfferAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var data = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT data FROM interview_offers WHERE community_id = @communityId AND user_id = @userId;", new { communityId, userId }, cancellationToken: cancellationToken));
        return data is null ? null : Read<InterviewOffer>(data);
    }

    public async Task<IReadOnlyList<InterviewOffer>> ListOffersAsync(string communityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT data FROM interview_offers WHERE community_id = @communityId ORDER BY user_id;", new { communityId }, cancellationToken: cancellationToken));
        return rows.Select(Read<InterviewOffer>).ToList();
    }

    public async Task UpsertOfferAsync(InterviewOffer offer, CancellationToken cancellationToken = default)
    {
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO interview_offers (community_id, user_id, data) VALUES (@CommunityId, @UserId, @Data)
                ON CONFLICT (community_id, user_id) DO UPDATE SET data = excluded.data;
                """,
                new { offer.CommunityId, offer.UserId, Data = JsonSerializer.Serialize(offer, Json) }, transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<bool> DeleteOfferAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM interview_offers WHERE community_id = @communityId AND user_id = @userId;", new { communityId, userId }, transaction, cancellationToken: ct)) > 0;
        }, cancellationToken);
    }

    public async Task<InterviewRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var data = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT data FROM interview_requests WHERE request_id = @requestId;", new { requestId }, cancellationToken: cancellationToken));
        return data is null ? null : Read<InterviewRequest>(data);
    }

    public async Task<IReadOnlyList<InterviewRequest>> ListRequestsAsync(string communityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT data FROM interview_requests WHERE community_id = @communityId ORDER BY created_at, request_id;", new { communityId }, cancellationToken: cancellationToken));
        return rows.Select(Read<InterviewRequest>).ToList();
    }

    public async Task<bool> AddRequestAsync(InterviewRequest request, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO interview_requests (request_id, community_id, created_at, due_at, version, data)
                VALUES (@RequestId, @CommunityId, @CreatedAt, @DueAt, @Version, @Data) ON CONFLICT (request_id) DO NOTHING;
                """,
                Row(request), transaction, cancellationToken: ct)) > 0;
        }, cancellationToken);
    }

    public async Task<bool> TryUpdateRequestAsync(InterviewRequest updated, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE interview_requests SET due_at = @DueAt, version = @Version, data = @Data
                WHERE request_id = @RequestId AND version = @Version - 1;
                """,
                Row(updated), transaction, cancellationToken: ct)) > 0;
        }, cancellationToken);
    }

    public async Task<bool> DeleteRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM interview_requests WHERE request_id = @requestId;", new { requestId }, transaction, cancellationToken: ct)) > 0;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<InterviewRequest>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT data FROM interview_requests WHERE due_at IS NOT NULL AND due_at <= @now ORDER BY due_at, request_id;",
            new { now = Instant(now) }, cancellationToken: cancellationToken));
        return rows.Select(Read<InterviewRequest>).ToList();
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT MIN(due_at) FROM interview_requests WHERE due_at IS NOT NULL;", cancellationToken: cancellationToken));
        return ToNullableInstant(next);
    }

    private static object Row(InterviewRequest r) => new
    {
        r.RequestId,
        r.CommunityId,
        CreatedAt = Instant(r.CreatedAt),
        DueAt = Instant(r.DueAt),
        r.Version,
        Data = JsonSerializer.Serialize(r, Json),
    };

    private static T Read<T>(string data) => JsonSerializer.Deserialize<T>(data, Json)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is empty.");
}
