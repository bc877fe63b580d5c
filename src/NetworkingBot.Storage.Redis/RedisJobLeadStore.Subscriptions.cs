using System.Globalization;
using NetworkingBot.Core.JobLeads;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// Subscriptions (a hash per community and delivery), delivery records (a hash per member) and forget-me.
/// A subscription lives in exactly one of its community's two hashes; upsert and delete touch both at once.
/// </summary>
internal sealed partial class RedisJobLeadStore
{
    private static readonly JobLeadDelivery[] Deliveries = [JobLeadDelivery.Instant, JobLeadDelivery.Daily];

    public async Task<JobSubscription?> GetSubscriptionAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        var found = await Task.WhenAll(Deliveries.Select(d => db.HashGetAsync(RedisKeys.JobSubscriptions(d, communityId), userId, cancellationToken))).ConfigureAwait(false);
        return found.FirstOrDefault(json => json is not null) is { } hit ? RedisJson.Read<JobSubscription>(hit) : null;
    }

    public async Task<IReadOnlyList<JobSubscription>> ListSubscriptionsAsync(string communityId, CancellationToken cancellationToken = default)
    {
        var all = await Task.WhenAll(Deliveries.Select(d => db.HashGetAllAsync(RedisKeys.JobSubscriptions(d, communityId), cancellationToken))).ConfigureAwait(false);
        return Sorted(all.SelectMany(h => h));
    }

    public async Task<IReadOnlyList<JobSubscription>> ListSubscriptionsAsync(string communityId, JobLeadDelivery delivery, CancellationToken cancellationToken = default) =>
        Sorted(await db.HashGetAllAsync(RedisKeys.JobSubscriptions(delivery, communityId), cancellationToken).ConfigureAwait(false));

    public Task UpsertSubscriptionAsync(JobSubscription subscription, CancellationToken cancellationToken = default) =>
        db.ScriptEvaluateAsync(
            RedisScripts.UpsertSubscription,
            [RedisKeys.JobSubscriptions(subscription.Delivery, subscription.CommunityId), RedisKeys.JobSubscriptions(Other(subscription.Delivery), subscription.CommunityId)],
            [subscription.UserId, RedisJson.Write(subscription)],
            cancellationToken);

    public async Task<bool> DeleteSubscriptionAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        (await db.ScriptEvaluateAsync(RedisScripts.DeleteSubscription, BothSubscriptionKeys(communityId), [userId], cancellationToken).ConfigureAwait(false)).AsInt64() > 0;

    public async Task<bool> TryRecordDeliveryAsync(string communityId, string userId, int number, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        (await db.ScriptEvaluateAsync(
            RedisScripts.RecordLeadDelivery,
            [RedisKeys.JobDeliveries(communityId, userId)],
            [number.ToString(CultureInfo.InvariantCulture), CallToken.New()],
            cancellationToken).ConfigureAwait(false)).AsInt64() == 1;

    public async Task<IReadOnlySet<int>> GetDeliveriesAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        // Only the numbers matter to callers; the values are the recording calls' tokens.
        var all = await db.HashGetAllAsync(RedisKeys.JobDeliveries(communityId, userId), cancellationToken).ConfigureAwait(false);
        return all.Keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToHashSet();
    }

    public async Task<int> ForgetUserAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        (int)(await db.ScriptEvaluateAsync(
            RedisScripts.ForgetLeadUser,
            [.. BothSubscriptionKeys(communityId), RedisKeys.JobDeliveries(communityId, userId), RedisKeys.JobLeadCount(communityId)],
            [userId, db.KeyPrefix + RedisKeys.JobLeadPrefix, ":" + communityId, RedisJson.Write(userId)],
            cancellationToken).ConfigureAwait(false)).AsInt64();

    private static string[] BothSubscriptionKeys(string communityId) =>
        [RedisKeys.JobSubscriptions(JobLeadDelivery.Instant, communityId), RedisKeys.JobSubscriptions(JobLeadDelivery.Daily, communityId)];

    private static JobLeadDelivery Other(JobLeadDelivery delivery) => delivery == JobLeadDelivery.Instant ? JobLeadDelivery.Daily : JobLeadDelivery.Instant;

    private static List<JobSubscription> Sorted(IEnumerable<KeyValuePair<string, string>> entries) =>
        entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => RedisJson.Read<JobSubscription>(e.Value)).ToList();
}
