using NetworkingBot.Core.Interviews;

namespace NetworkingBot.Storage.Redis;

/// <summary>The network log: a hash per member (source id to entry), so once-per-source is one HSETNX.</summary>
internal sealed partial class RedisInterviewStore
{
    public Task AddNetworkEntryAsync(NetworkEntry entry, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("HSETNX", [db.KeyPrefix + RedisKeys.Network(entry.CommunityId, entry.UserId), entry.SourceId, RedisJson.Write(entry)], cancellationToken);

    public async Task<IReadOnlyList<NetworkEntry>> ListNetworkAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        var all = await db.HashGetAllAsync(RedisKeys.Network(communityId, userId), cancellationToken).ConfigureAwait(false);
        return all.Values.Select(RedisJson.Read<NetworkEntry>).OrderBy(e => e.At).ThenBy(e => e.SourceId, StringComparer.Ordinal).ToList();
    }

    public async Task<int> DeleteNetworkAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        (int)(await db.ScriptEvaluateAsync(RedisScripts.DeleteHash, [RedisKeys.Network(communityId, userId)], [], cancellationToken).ConfigureAwait(false)).AsInt64();
}
