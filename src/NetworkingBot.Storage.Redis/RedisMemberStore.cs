using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>Members as one hash per community (user id to JSON): every operation is a single command.</summary>
internal sealed class RedisMemberStore(IRedisDatabase db) : IMemberStore
{
    public async Task<Member?> GetAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync(RedisKeys.Members(communityId), userId, cancellationToken).ConfigureAwait(false) is { } json
            ? RedisJson.Read<Member>(json)
            : null;

    public async Task<IReadOnlyDictionary<string, Member>> GetManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var found = new Dictionary<string, Member>(StringComparer.Ordinal);
        var key = db.KeyPrefix + RedisKeys.Members(communityId);

        // One HMGET per thousand ids: a community's members are one hash.
        foreach (var chunk in userIds.Distinct(StringComparer.Ordinal).Chunk(1_000))
        {
            var values = (await db.ExecuteAsync("HMGET", [key, .. chunk], cancellationToken).ConfigureAwait(false)).AsArray();
            for (var i = 0; i < chunk.Length; i++)
            {
                if (values[i].AsString() is { } json)
                {
                    found[chunk[i]] = RedisJson.Read<Member>(json);
                }
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<Member>> ListAsync(string communityId, CancellationToken cancellationToken = default)
    {
        var all = await db.HashGetAllAsync(RedisKeys.Members(communityId), cancellationToken).ConfigureAwait(false);
        return all.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => RedisJson.Read<Member>(e.Value)).ToList();
    }

    public Task UpsertAsync(Member member, CancellationToken cancellationToken = default) =>
        db.HashSetAsync(RedisKeys.Members(member.CommunityId), [new(member.UserId, RedisJson.Write(member))], cancellationToken);

    public Task<bool> DeleteAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        db.HashDeleteAsync(RedisKeys.Members(communityId), userId, cancellationToken);
}
