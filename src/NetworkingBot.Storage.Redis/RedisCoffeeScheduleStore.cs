using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>Programs in one hash (community id to JSON); there is one per community, so it stays small.</summary>
internal sealed class RedisCoffeeScheduleStore(IRedisDatabase db) : ICoffeeScheduleStore
{
    public async Task<CoffeeSchedule?> GetAsync(string communityId, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync(RedisKeys.Programs, communityId, cancellationToken).ConfigureAwait(false) is { } json
            ? RedisJson.Read<CoffeeSchedule>(json)
            : null;

    public async Task<IReadOnlyList<CoffeeSchedule>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.HashGetAllAsync(RedisKeys.Programs, cancellationToken).ConfigureAwait(false);
        return all.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => RedisJson.Read<CoffeeSchedule>(e.Value)).ToList();
    }

    public Task UpsertAsync(CoffeeSchedule program, CancellationToken cancellationToken = default) =>
        db.HashSetAsync(RedisKeys.Programs, [new(program.CommunityId, RedisJson.Write(program))], cancellationToken);
}
