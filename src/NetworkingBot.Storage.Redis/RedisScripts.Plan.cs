using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: round, new status set, the community's members hash. ARGV: round id, prefixed status-set prefix, new
    /// status, how many round field/value arguments follow, those pairs, then per member its user id, its JSON as
    /// read and its JSON as rewritten. Returns 0 when the round does not exist and -1 when a member changed since it
    /// was read (the caller reads again), both before writing anything; else 1. Redis does not roll a script back,
    /// so every check comes before the first write. A member deleted meanwhile is skipped, never recreated.
    /// </summary>
    public static readonly LuaScript SavePlan = new("""
        local old = redis.call('HGET', KEYS[1], 'status')
        if not old then return 0 end
        local first = 5 + tonumber(ARGV[4])
        for i = first, #ARGV, 3 do
          local current = redis.call('HGET', KEYS[3], ARGV[i])
          if current and current ~= ARGV[i + 1] then return -1 end
        end
        if old ~= ARGV[3] then redis.call('SREM', ARGV[2] .. old, ARGV[1]) end
        redis.call('SADD', KEYS[2], ARGV[1])
        redis.call('HSET', KEYS[1], unpack(ARGV, 5, first - 1))
        for i = first, #ARGV, 3 do
          if redis.call('HEXISTS', KEYS[3], ARGV[i]) == 1 then redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 2]) end
        end
        return 1
        """);
}
