using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// Rounds: one hash each, indexed by slot (the claim's uniqueness), by number per community and by status.
/// The claim and the update touch several keys, so each is one Lua script; reads are pipelined.
/// </summary>
internal sealed partial class RedisRoundStore(IRedisDatabase db) : IRoundStore
{
    public async Task<Round?> TryClaimAsync(Round round, CancellationToken cancellationToken = default)
    {
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.Claim,
            [
                RedisKeys.Slots(round.CommunityId), RedisKeys.RoundCount(round.CommunityId), RedisKeys.Rounds(round.CommunityId),
                RedisKeys.Round(round.RoundId), RedisKeys.Status(round.Status.ToString()),
            ],
            [round.SlotKey, round.RoundId, .. Flatten(RoundFields.ForClaim(round))],
            cancellationToken).ConfigureAwait(false);
        return result.IsNull ? null : round with { Number = checked((int)result.AsInt64()) };
    }

    public async Task UpdateAsync(Round round, CancellationToken cancellationToken = default)
    {
        var status = round.Status.ToString();
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.Update,
            [RedisKeys.Round(round.RoundId), RedisKeys.Status(status)],
            [round.RoundId, db.KeyPrefix + RedisKeys.StatusPrefix, status, .. Flatten(RoundFields.ForUpdate(round))],
            cancellationToken).ConfigureAwait(false);

        // Updating a round that was never claimed is a bug in the caller; saying nothing would lose the round.
        if (result.AsInt64() == 0)
        {
            throw new InvalidOperationException($"Round {round.RoundId} does not exist; claim it before updating it.");
        }
    }

    public async Task<Round?> GetAsync(string roundId, CancellationToken cancellationToken = default) =>
        RoundFields.Read(await db.HashGetAllAsync(RedisKeys.Round(roundId), cancellationToken).ConfigureAwait(false));

    public async Task<Round?> GetBySlotAsync(string communityId, string slotKey, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync(RedisKeys.Slots(communityId), slotKey, cancellationToken).ConfigureAwait(false) is { } roundId
            ? await GetAsync(roundId, cancellationToken).ConfigureAwait(false)
            : null;

    public async Task<IReadOnlyList<Round>> ListAsync(string communityId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        var ids = await db.SortedSetRangeByRankAsync(RedisKeys.Rounds(communityId), 0, limit - 1, descending: true, cancellationToken).ConfigureAwait(false);
        return (await GetManyAsync(ids, cancellationToken).ConfigureAwait(false)).OrderByDescending(r => r.Number).ToList();
    }

    public async Task<IReadOnlyList<Round>> ListByStatusAsync(IReadOnlyCollection<RoundStatus> statuses, CancellationToken cancellationToken = default)
    {
        var sets = await Task.WhenAll(statuses.Distinct().Select(s => db.SetMembersAsync(RedisKeys.Status(s.ToString()), cancellationToken))).ConfigureAwait(false);
        var rounds = await GetManyAsync(sets.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);

        // A round read just after an update may have moved on; the status set and the hash agree again at once.
        return rounds.Where(r => statuses.Contains(r.Status))
            .OrderBy(r => r.CommunityId, StringComparer.Ordinal).ThenBy(r => r.Number).ToList();
    }

    /// <summary>Reads rounds concurrently: the connection pipelines the commands, so this is one round trip's wait.</summary>
    private async Task<List<Round>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rounds = await Task.WhenAll(ids.Select(id => GetAsync(id, cancellationToken))).ConfigureAwait(false);
        return rounds.OfType<Round>().ToList();
    }

    private static IEnumerable<string> Flatten(IEnumerable<KeyValuePair<string, string>> pairs) =>
        pairs.SelectMany(p => new[] { p.Key, p.Value });
}
