using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// The "My network" scripts. An entry is <see cref="ContactRow"/> JSON, read and written with Redis's cjson; its
/// tick texts have a fixed width, so Lua compares them as strings.
/// </summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: log, recent set, the other member's about set. ARGV: other id, new row, meeting's last ticks, its recent
    /// member, "1" when planned, owner id. A new entry is added as given; an existing one keeps how, first met and
    /// reminders, stays planned only if both are, and moves to a later held meeting. Returns the stored row.
    /// </summary>
    public static readonly LuaScript RecordMeeting = new("""
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
          redis.call('ZADD', KEYS[2], 0, ARGV[4])
          redis.call('SADD', KEYS[3], ARGV[6])
          return ARGV[2]
        end
        local row = cjson.decode(cur)
        local planned = ARGV[5] == '1'
        if not planned and ARGV[3] > row.last then
          redis.call('ZREM', KEYS[2], row.idx)
          row.last = ARGV[3]
          row.idx = ARGV[4]
          redis.call('ZADD', KEYS[2], 0, row.idx)
        end
        row.plan = row.plan and planned
        local out = cjson.encode(row)
        redis.call('HSET', KEYS[1], ARGV[1], out)
        return out
        """);

    /// <summary>
    /// KEYS: log, recent set. ARGV: other id, last ticks, recent member. Sets last spoke and confirms a plan; 1 when
    /// the entry exists.
    /// </summary>
    public static readonly LuaScript SetLastSpoke = new("""
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return 0 end
        local row = cjson.decode(cur)
        redis.call('ZREM', KEYS[2], row.idx)
        row.last = ARGV[2]
        row.idx = ARGV[3]
        row.plan = false
        redis.call('ZADD', KEYS[2], 0, row.idx)
        redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(row))
        return 1
        """);

    /// <summary>KEYS: log. ARGV: other id, "1" or "0". 1 when the entry exists.</summary>
    public static readonly LuaScript SetReminders = new("""
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return 0 end
        local row = cjson.decode(cur)
        row.rem = ARGV[2] == '1'
        redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(row))
        return 1
        """);

    /// <summary>
    /// KEYS: log, recent set, notes, nudges, due set, call key. ARGV: other id, then the nudge fields of every kind
    /// about it. Removes the entry, the owner's notes about it and its nudges; 1 when the entry existed.
    /// </summary>
    public static readonly LuaScript RemoveContact = new("""
        local answered = redis.call('GET', KEYS[6])
        if answered then return tonumber(answered) end
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        local notes = redis.call('LRANGE', KEYS[3], 0, -1)
        for _, note in ipairs(notes) do
          if cjson.decode(note).other == ARGV[1] then redis.call('LREM', KEYS[3], 0, note) end
        end
        for i = 2, #ARGV do
          local due = redis.call('HGET', KEYS[4], ARGV[i])
          if due then
            redis.call('ZREM', KEYS[5], due)
            redis.call('HDEL', KEYS[4], ARGV[i])
          end
        end
        if not cur then
          redis.call('SET', KEYS[6], '0', 'EX', 3600)
          return 0
        end
        redis.call('ZREM', KEYS[2], cjson.decode(cur).idx)
        redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('SET', KEYS[6], '1', 'EX', 3600)
        return 1
        """);

    /// <summary>KEYS: notes, the other member's about set, call key. ARGV: note row, owner id. Adds once per call.</summary>
    public static readonly LuaScript AddNote = new("""
        if redis.call('SET', KEYS[3], '1', 'NX', 'EX', 3600) == false then return 0 end
        redis.call('RPUSH', KEYS[1], ARGV[1])
        redis.call('SADD', KEYS[2], ARGV[2])
        return 1
        """);

    /// <summary>
    /// KEYS: owner's nudges, due set, the other member's about set. ARGV: field, due member, owner id. Replaces the
    /// same field's nudge.
    /// </summary>
    public static readonly LuaScript ScheduleNudge = new("""
        local old = redis.call('HGET', KEYS[1], ARGV[1])
        if old then redis.call('ZREM', KEYS[2], old) end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('ZADD', KEYS[2], 0, ARGV[2])
        redis.call('SADD', KEYS[3], ARGV[3])
        return 1
        """);

    /// <summary>
    /// KEYS: due set, call key, then each nudge's owner hash. ARGV: each nudge's field and due member, in pairs. The
    /// claim: takes a nudge only while it is stored with that due time, so of several callers exactly one takes it.
    /// Answers a string of '1' (taken) and '0', one a nudge, kept under the call key so a resent call answers as first.
    /// </summary>
    public static readonly LuaScript TakeNudges = new("""
        local done = redis.call('GET', KEYS[2])
        if done then return done end
        local marks = {}
        for i = 3, #KEYS do
          local field, member = ARGV[2 * (i - 2) - 1], ARGV[2 * (i - 2)]
          if redis.call('HGET', KEYS[i], field) == member then
            redis.call('HDEL', KEYS[i], field)
            redis.call('ZREM', KEYS[1], member)
            marks[#marks + 1] = '1'
          else
            marks[#marks + 1] = '0'
          end
        end
        local answer = table.concat(marks)
        redis.call('SET', KEYS[2], answer, 'EX', 3600)
        return answer
        """);

    /// <summary>
    /// KEYS: introducer's list, first's and second's introduced-by sets, call key. ARGV: intro JSON, introducer id.
    /// Adds once per call.
    /// </summary>
    public static readonly LuaScript AddIntro = new("""
        if redis.call('SET', KEYS[4], '1', 'NX', 'EX', 3600) == false then return 0 end
        redis.call('RPUSH', KEYS[1], ARGV[1])
        redis.call('SADD', KEYS[2], ARGV[2])
        redis.call('SADD', KEYS[3], ARGV[2])
        return 1
        """);
}
