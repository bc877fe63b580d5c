using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>The job-lead scripts. Lead hashes hold JSON values (see <see cref="LeadFields"/>), which is what forget-me compares.</summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: lead count, adds hash, by-time index. ARGV: token, prefixed "job-lead:" prefix, ":" + community id,
    /// shared ticks (19 digits) + ":", then field/value pairs. Takes the next number, writes the lead and indexes
    /// it, all at once, and returns the number; a repeat of the same token returns the number it already got.
    /// </summary>
    public static readonly LuaScript AddLead = new("""
        local done = redis.call('HGET', KEYS[2], ARGV[1])
        if done then return tonumber(done) end
        local n = redis.call('INCR', KEYS[1])
        redis.call('HSET', ARGV[2] .. n .. ARGV[3], unpack(ARGV, 5))
        redis.call('ZADD', KEYS[3], 0, ARGV[4] .. string.format('%010d', n))
        redis.call('HSET', KEYS[2], ARGV[1], n)
        return n
        """);

    /// <summary>KEYS: lead. ARGV: field/value pairs. Sets them only on a lead that exists (1), else does nothing (0).</summary>
    public static readonly LuaScript UpdateLead = new("""
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], unpack(ARGV))
        return 1
        """);

    /// <summary>KEYS: this delivery's subscriptions, the other delivery's. ARGV: user id, JSON. Moves or writes the subscription.</summary>
    public static readonly LuaScript UpsertSubscription = new("""
        redis.call('HDEL', KEYS[2], ARGV[1])
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """);

    /// <summary>KEYS: both deliveries' subscriptions. ARGV: user id. Returns how many were removed.</summary>
    public static readonly LuaScript DeleteSubscription = new("""
        return redis.call('HDEL', KEYS[1], ARGV[1]) + redis.call('HDEL', KEYS[2], ARGV[1])
        """);

    /// <summary>
    /// KEYS: the member's deliveries. ARGV: lead number, token. Insert-if-absent: 1 when recorded now (or by this
    /// same call before its reply was lost), 0 when another call recorded it.
    /// </summary>
    public static readonly LuaScript RecordLeadDelivery = new("""
        local token = redis.call('HGET', KEYS[1], ARGV[1])
        if not token then
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
          return 1
        end
        if token == ARGV[2] then return 1 end
        return 0
        """);

    /// <summary>
    /// KEYS: both deliveries' subscriptions, the member's deliveries, the lead count. ARGV: user id, prefixed
    /// "job-lead:" prefix, ":" + community id, the user id as JSON. Deletes the subscription and deliveries,
    /// detaches the leads the member shared (counted) and clears them as closer (not counted), in one go.
    /// It walks the community's leads, a few field reads each: forget-me is rare, and no index to keep in step.
    /// </summary>
    public static readonly LuaScript ForgetLeadUser = new("""
        local changed = redis.call('HDEL', KEYS[1], ARGV[1]) + redis.call('HDEL', KEYS[2], ARGV[1]) + redis.call('HLEN', KEYS[3])
        redis.call('DEL', KEYS[3])
        local n = tonumber(redis.call('GET', KEYS[4]) or '0')
        for i = 1, n do
          local k = ARGV[2] .. i .. ARGV[3]
          local f = redis.call('HMGET', k, 'sharerId', 'closedBy')
          if f[1] == ARGV[4] then
            redis.call('HSET', k, 'sharerId', '""', 'sharerName', '""', 'anonymous', 'true')
            changed = changed + 1
          end
          if f[2] == ARGV[4] then redis.call('HSET', k, 'closedBy', 'null') end
        end
        return changed
        """);
}
