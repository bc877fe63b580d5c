using System.Globalization;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// Interview offers (a hash per community) and requests (a hash each, indexed per community and, while a step is
/// due, in one due set). Adding, the versioned update and deleting a request each touch several keys, so each is
/// one script (<see cref="RedisScripts"/>). The network log is in <c>RedisInterviewStore.Network.cs</c>.
/// </summary>
internal sealed partial class RedisInterviewStore(IRedisDatabase db) : IInterviewStore
{
    private const string Data = "data";

    public async Task<InterviewOffer?> GetOfferAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync(RedisKeys.InterviewOffers(communityId), userId, cancellationToken).ConfigureAwait(false) is { } json
            ? RedisJson.Read<InterviewOffer>(json)
            : null;

    public async Task<IReadOnlyList<InterviewOffer>> ListOffersAsync(string communityId, CancellationToken cancellationToken = default)
    {
        var all = await db.HashGetAllAsync(RedisKeys.InterviewOffers(communityId), cancellationToken).ConfigureAwait(false);
        return all.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => RedisJson.Read<InterviewOffer>(e.Value)).ToList();
    }

    public Task UpsertOfferAsync(InterviewOffer offer, CancellationToken cancellationToken = default) =>
        db.HashSetAsync(RedisKeys.InterviewOffers(offer.CommunityId), [new(offer.UserId, RedisJson.Write(offer))], cancellationToken);

    public Task<bool> DeleteOfferAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        db.HashDeleteAsync(RedisKeys.InterviewOffers(communityId), userId, cancellationToken);

    public async Task<InterviewRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync(RedisKeys.InterviewRequest(requestId), Data, cancellationToken).ConfigureAwait(false) is { } json
            ? RedisJson.Read<InterviewRequest>(json)
            : null;

    public async Task<IReadOnlyList<InterviewRequest>> ListRequestsAsync(string communityId, CancellationToken cancellationToken = default)
    {
        var ids = await db.SetMembersAsync(RedisKeys.InterviewRequests(communityId), cancellationToken).ConfigureAwait(false);
        var requests = await GetManyAsync(ids, cancellationToken).ConfigureAwait(false);
        return requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.RequestId, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> AddRequestAsync(InterviewRequest request, CancellationToken cancellationToken = default)
    {
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.AddRequest,
            [RedisKeys.InterviewRequest(request.RequestId), RedisKeys.InterviewRequests(request.CommunityId), RedisKeys.InterviewDue],
            [request.RequestId, CallToken.New(), Number(request.Version), request.CommunityId, DueMember(request), RedisJson.Write(request)],
            cancellationToken).ConfigureAwait(false);
        return result.AsInt64() == 1;
    }

    public async Task<bool> TryUpdateRequestAsync(InterviewRequest updated, CancellationToken cancellationToken = default)
    {
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.UpdateRequest,
            [RedisKeys.InterviewRequest(updated.RequestId), RedisKeys.InterviewDue],
            [CallToken.New(), Number(updated.Version - 1), Number(updated.Version), DueMember(updated), RedisJson.Write(updated)],
            cancellationToken).ConfigureAwait(false);
        return result.AsInt64() == 1;
    }

    public async Task<bool> DeleteRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.DeleteRequest,
            [RedisKeys.InterviewRequest(requestId), RedisKeys.InterviewDue],
            [db.KeyPrefix + RedisKeys.InterviewRequestsPrefix, requestId],
            cancellationToken).ConfigureAwait(false);
        return result.AsInt64() == 1;
    }

    public async Task<IReadOnlyList<InterviewRequest>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // Every member below the tick after now: fixed-width ticks make the lexical bound a time bound.
        var due = await db.SortedSetRangeByValueAsync(RedisKeys.InterviewDue, "-", "(" + Ticks(now.UtcTicks + 1), descending: false, cancellationToken).ConfigureAwait(false);
        var requests = await GetManyAsync(due.Select(m => m[(m.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToList(), cancellationToken).ConfigureAwait(false);

        // A request read just after an update may have moved on; what it says now decides.
        return requests.Where(r => r.DueAt <= now).OrderBy(r => r.DueAt).ThenBy(r => r.RequestId, StringComparer.Ordinal).ToList();
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        var first = await db.SortedSetRangeByRankAsync(RedisKeys.InterviewDue, 0, 0, descending: false, cancellationToken).ConfigureAwait(false);
        return first.Count == 0
            ? null
            : new DateTimeOffset(long.Parse(first[0].AsSpan(0, first[0].IndexOf(':', StringComparison.Ordinal)), CultureInfo.InvariantCulture), TimeSpan.Zero);
    }

    private async Task<List<InterviewRequest>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var requests = await Task.WhenAll(ids.Select(id => GetRequestAsync(id, cancellationToken))).ConfigureAwait(false);
        return requests.OfType<InterviewRequest>().ToList();
    }

    /// <summary>The request's member in the due set, or "" when no step is due.</summary>
    private static string DueMember(InterviewRequest request) =>
        request.DueAt is { } due ? Ticks(due.UtcTicks) + ":" + request.RequestId : "";

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
