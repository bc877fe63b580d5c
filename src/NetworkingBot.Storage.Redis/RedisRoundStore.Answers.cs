using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Storage.Redis;

/// <summary>Deliveries (a set per round, so SADD says whether the key is new) and check-in answers (a hash per round).</summary>
internal sealed partial class RedisRoundStore
{
    /// <summary>
    /// Only the key is kept, not <paramref name="at"/>: nothing reads the time back, and a set makes the
    /// once-only test a single atomic SADD.
    /// </summary>
    public Task<bool> TryRecordDeliveryAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        db.SetAddAsync(RedisKeys.Deliveries(roundId), deliveryKey, cancellationToken);

    /// <summary>A set per round beside the deliveries, so SADD both records the intent and says whether it was new.</summary>
    public Task<bool> TryRecordIntentAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        db.SetAddAsync(RedisKeys.Intents(roundId), deliveryKey, cancellationToken);

    public async Task<IReadOnlySet<string>> GetDeliveriesAsync(string roundId, CancellationToken cancellationToken = default) =>
        (await db.SetMembersAsync(RedisKeys.Deliveries(roundId), cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);

    public Task SaveCheckInAsync(CheckInResponse response, CancellationToken cancellationToken = default) =>
        db.HashSetAsync(RedisKeys.CheckIns(response.RoundId), [new(response.UserId, RedisJson.Write(response))], cancellationToken);

    public async Task<IReadOnlyList<CheckInResponse>> GetCheckInsAsync(string roundId, CancellationToken cancellationToken = default)
    {
        var all = await db.HashGetAllAsync(RedisKeys.CheckIns(roundId), cancellationToken).ConfigureAwait(false);
        return all.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => RedisJson.Read<CheckInResponse>(e.Value)).ToList();
    }
}
