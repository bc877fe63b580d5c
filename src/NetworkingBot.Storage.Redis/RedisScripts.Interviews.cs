using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// The interview request scripts. A request hash holds <c>version</c>, <c>community</c>, <c>due</c> (its member
/// in the due set, or empty), <c>writer</c> (the token of the call that last wrote it) and <c>data</c> (JSON).
/// The writer token is what makes a re-sent call harmless: it finds its own write and answers as the first did.
/// </summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: request, community's request set, due set. ARGV: request id, token, version, community, due member or
    /// "", data. Returns 1 when added (or added already by this same call), 0 when another request holds the id.
    /// </summary>
    public static readonly LuaScript AddRequest = new("""
        local writer = redis.call('HGET', KEYS[1], 'writer')
        if writer then
          if writer == ARGV[2] then return 1 end
          return 0
        end
        redis.call('HSET', KEYS[1], 'version', ARGV[3], 'community', ARGV[4], 'due', ARGV[5], 'writer', ARGV[2], 'data', ARGV[6])
        redis.call('SADD', KEYS[2], ARGV[1])
        if ARGV[5] ~= '' then redis.call('ZADD', KEYS[3], 0, ARGV[5]) end
        return 1
        """);

    /// <summary>
    /// KEYS: request, due set. ARGV: token, expected version, new version, new due member or "", data. The
    /// compare-and-set: applies only on the expected version; returns 1 when applied (by this call, even if its
    /// first reply was lost), else 0.
    /// </summary>
    public static readonly LuaScript UpdateRequest = new("""
        local version = redis.call('HGET', KEYS[1], 'version')
        if not version then return 0 end
        if version ~= ARGV[2] then
          if version == ARGV[3] and redis.call('HGET', KEYS[1], 'writer') == ARGV[1] then return 1 end
          return 0
        end
        local old = redis.call('HGET', KEYS[1], 'due')
        if old and old ~= '' then redis.call('ZREM', KEYS[2], old) end
        if ARGV[4] ~= '' then redis.call('ZADD', KEYS[2], 0, ARGV[4]) end
        redis.call('HSET', KEYS[1], 'version', ARGV[3], 'due', ARGV[4], 'writer', ARGV[1], 'data', ARGV[5])
        return 1
        """);

    /// <summary>
    /// KEYS: request, due set. ARGV: prefixed request-set prefix, request id. The community's set is named here,
    /// since only the hash knows the community. Returns 1 when the request existed.
    /// </summary>
    public static readonly LuaScript DeleteRequest = new("""
        local community = redis.call('HGET', KEYS[1], 'community')
        if not community then return 0 end
        local due = redis.call('HGET', KEYS[1], 'due')
        if due and due ~= '' then redis.call('ZREM', KEYS[2], due) end
        redis.call('SREM', ARGV[1] .. community, ARGV[2])
        redis.call('DEL', KEYS[1])
        return 1
        """);

    /// <summary>KEYS: one hash. Deletes it and returns how many fields it had.</summary>
    public static readonly LuaScript DeleteHash = new("""
        local n = redis.call('HLEN', KEYS[1])
        redis.call('DEL', KEYS[1])
        return n
        """);
}
