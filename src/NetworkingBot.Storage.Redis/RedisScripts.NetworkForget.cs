using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>Forgetting a member of the follow-up program, in one script so no reader sees half of it.</summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: the member's log, recent set, notes, nudges, about set, introductions, introduced-by set; the
    /// community's settings; the due set; the call key. ARGV: member id, placeholder, then the prefixes an owner's id completes for
    /// a log, recent set, notes, nudges and introductions, then every nudge kind. Deletes what is the member's; in
    /// the logs of the owners in their about set the entry becomes the placeholder's, a former member's (the owner's
    /// notes follow it) and nudges about them go. Returns how many of their own entries and notes were deleted.
    /// </summary>
    public static readonly LuaScript ForgetNetworkMember = new("""
        local answered = redis.call('GET', KEYS[10])
        if answered then return tonumber(answered) end
        local user, placeholder = ARGV[1], ARGV[2]
        local deleted = redis.call('HLEN', KEYS[1]) + redis.call('LLEN', KEYS[3])
        for _, due in ipairs(redis.call('HVALS', KEYS[4])) do redis.call('ZREM', KEYS[9], due) end
        for _, owner in ipairs(redis.call('SMEMBERS', KEYS[5])) do
          if owner ~= user then
            local log, recent = ARGV[3] .. owner, ARGV[4] .. owner
            local cur = redis.call('HGET', log, user)
            if cur then
              local row = cjson.decode(cur)
              redis.call('ZREM', recent, row.idx)
              row.idx = string.sub(row.idx, 1, 19) .. ':' .. placeholder
              row.former = true
              redis.call('ZADD', recent, 0, row.idx)
              redis.call('HDEL', log, user)
              redis.call('HSET', log, placeholder, cjson.encode(row))
            end
            local notes = ARGV[5] .. owner
            for i, note in ipairs(redis.call('LRANGE', notes, 0, -1)) do
              local n = cjson.decode(note)
              if n.other == user then
                n.other = placeholder
                redis.call('LSET', notes, i - 1, cjson.encode(n))
              end
            end
            local nudges = ARGV[6] .. owner
            for k = 8, #ARGV do
              local field = ARGV[k] .. ':' .. user
              local due = redis.call('HGET', nudges, field)
              if due then
                redis.call('ZREM', KEYS[9], due)
                redis.call('HDEL', nudges, field)
              end
            end
          end
        end
        for _, introducer in ipairs(redis.call('SMEMBERS', KEYS[7])) do
          local intros = ARGV[7] .. introducer
          for _, intro in ipairs(redis.call('LRANGE', intros, 0, -1)) do
            local r = cjson.decode(intro)
            if r.FirstId == user or r.SecondId == user then redis.call('LREM', intros, 0, intro) end
          end
        end
        redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7])
        redis.call('HDEL', KEYS[8], user)
        redis.call('SET', KEYS[10], tostring(deleted), 'EX', 3600)
        return deleted
        """);
}
