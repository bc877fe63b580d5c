using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary><see cref="IDmChannelStore"/> in Redis: one hash per community, members key to conversation id.</summary>
internal sealed class RedisDmChannelStore(IRedisDatabase db) : IDmChannelStore
{
    public Task<string?> FindAsync(CommunityId community, string members, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members);
        return db.HashGetAsync(RedisKeys.DmChannels(community.Key), members, cancellationToken);
    }

    public async Task SaveAsync(CommunityId community, string members, string channelId, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members, channelId);
        await db.HashSetAsync(RedisKeys.DmChannels(community.Key), [new(members, channelId)], cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> ListForMemberAsync(CommunityId community, string userId, CancellationToken cancellationToken = default)
    {
        // The whole hash: export-me and forget-me are rare, and a community's conversations are one key.
        var all = await db.HashGetAllAsync(RedisKeys.DmChannels(community.Key), cancellationToken).ConfigureAwait(false);
        return all.Where(e => IDmChannelStore.HasMember(e.Key, userId)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    public async Task<int> ForgetMemberAsync(CommunityId community, string userId, CancellationToken cancellationToken = default)
    {
        var forgotten = 0;
        foreach (var members in (await ListForMemberAsync(community, userId, cancellationToken).ConfigureAwait(false)).Keys)
        {
            forgotten += await db.HashDeleteAsync(RedisKeys.DmChannels(community.Key), members, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return forgotten;
    }

    public async Task ForgetAsync(CommunityId community, string members, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members);
        await db.HashDeleteAsync(RedisKeys.DmChannels(community.Key), members, cancellationToken).ConfigureAwait(false);
    }
}
