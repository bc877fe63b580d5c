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

    public async Task ForgetAsync(CommunityId community, string members, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members);
        await db.HashDeleteAsync(RedisKeys.DmChannels(community.Key), members, cancellationToken).ConfigureAwait(false);
    }
}
