using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// The multi-key updates, each one Lua script so Redis runs it atomically. Every script is idempotent, so the
/// same call run twice (sent again after a lost reply, see <see cref="CallToken"/>) is harmless.
/// </summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: slots, round-count, rounds, round, status set. ARGV: slot key, round id, field/value pairs.
    /// Returns the new number, or nil when another round holds the slot. A repeat by the same round id
    /// (its first reply was lost) returns the number it already got.
    /// </summary>
    public static readonly LuaScript Claim = new("""
        local owner = redis.call('HGET', KEYS[1], ARGV[1])
        if owner then
          if owner == ARGV[2] then return tonumber(redis.call('HGET', KEYS[4], 'number')) end
          return false
        end
        local n = redis.call('INCR', KEYS[2])
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('ZADD', KEYS[3], n, ARGV[2])
        redis.call('HSET', KEYS[4], 'number', n, unpack(ARGV, 3))
        redis.call('SADD', KEYS[5], ARGV[2])
        return n
        """);

    /// <summary>
    /// KEYS: round, new status set. ARGV: round id, prefixed status-set prefix, new status, field/value pairs.
    /// Moves the round between status sets (the old set's key is built here, since only the script knows the
    /// old status) and returns 0 when the round does not exist.
    /// </summary>
    public static readonly LuaScript Update = new("""
        local old = redis.call('HGET', KEYS[1], 'status')
        if not old then return 0 end
        if old ~= ARGV[3] then redis.call('SREM', ARGV[2] .. old, ARGV[1]) end
        redis.call('SADD', KEYS[2], ARGV[1])
        redis.call('HSET', KEYS[1], unpack(ARGV, 4))
        return 1
        """);

    /// <summary>
    /// KEYS: per round, its hash, deliveries set, check-ins hash and intents set. ARGV: user id, ":" + user id, round count,
    /// then per round the groups and unmatched JSON as read and as rewritten without the user. Returns -1 when
    /// any round changed since it was read (the caller reads again), else how many rounds mentioned the user.
    /// Everything happens in one script, so a user is never left half forgotten.
    /// </summary>
    public static readonly LuaScript Forget = new("""
        local n = tonumber(ARGV[3])
        for i = 1, n do
          local b = 3 + (i - 1) * 4
          local k = KEYS[(i - 1) * 4 + 1]
          if redis.call('HGET', k, 'groups') ~= ARGV[b + 1] or redis.call('HGET', k, 'unmatched') ~= ARGV[b + 2] then
            return -1
          end
        end
        local suffix = ARGV[2]
        local touched = 0
        for i = 1, n do
          local b = 3 + (i - 1) * 4
          local k = (i - 1) * 4
          local hit = false
          if ARGV[b + 1] ~= ARGV[b + 3] or ARGV[b + 2] ~= ARGV[b + 4] then
            redis.call('HSET', KEYS[k + 1], 'groups', ARGV[b + 3], 'unmatched', ARGV[b + 4])
            hit = true
          end
          if redis.call('HDEL', KEYS[k + 3], ARGV[1]) > 0 then hit = true end
          for _, set in ipairs({ KEYS[k + 2], KEYS[k + 4] }) do
            for _, key in ipairs(redis.call('SMEMBERS', set)) do
              if #key > #suffix and string.sub(key, -#suffix) == suffix then
                redis.call('SREM', set, key)
                hit = true
              end
            end
          end
          if hit then touched = touched + 1 end
        end
        return touched
        """);
}
