using System.Globalization;
using NetworkingBot.Core.Leases;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// <see cref="ILeaseStore"/> in Redis: one string key per lease holding its owner, with a PX expiry, so the server's
/// own clock frees a crashed holder's lease. Renew and release compare the owner and act in one script, so
/// nobody extends or deletes a lease another instance took over after expiry.
/// </summary>
internal sealed class RedisLeaseStore(IRedisDatabase db) : ILeaseStore
{
    /// <summary>KEYS: lease. ARGV: owner, ttl in ms. 1 when the owner holds it and its expiry was reset, else 0.</summary>
    private static readonly LuaScript Extend = new("""
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """);

    /// <summary>KEYS: lease. ARGV: owner. 1 when the owner held it and it was deleted, else 0.</summary>
    private static readonly LuaScript Delete = new("""
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """);

    /// <summary>
    /// KEYS: lease. ARGV: owner, ttl in ms, stale prefix. Sets the lease when it is free, this owner's, or held by a
    /// token starting with the prefix (this instance's earlier life); 1 when set, else 0.
    /// </summary>
    private static readonly LuaScript Reclaim = new("""
        local held = redis.call('GET', KEYS[1])
        if not held or held == ARGV[1] or string.sub(held, 1, #ARGV[3]) == ARGV[3] then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 1
        end
        return 0
        """);

    /// <summary>The key, without the deployment prefix; its one variable part is at its end.</summary>
    private static string Key(string name) => "lease:" + name;

    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var set = await db.ExecuteAsync("SET", [db.KeyPrefix + Key(name), owner, "NX", "PX", Milliseconds(ttl)], cancellationToken).ConfigureAwait(false);
        if (!set.IsNull)
        {
            return true;
        }

        // Taken: by this owner (a repeat, or a SET re-sent after a lost reply) it is extended; by another it stays.
        return await RenewAsync(name, owner, ttl, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryReclaimAsync(string name, string owner, string stalePrefix, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stalePrefix);
        return (await db.ScriptEvaluateAsync(Reclaim, [Key(name)], [owner, Milliseconds(ttl), stalePrefix], cancellationToken).ConfigureAwait(false)).AsInt64() == 1;
    }

    public async Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await db.ScriptEvaluateAsync(Extend, [Key(name)], [owner, Milliseconds(ttl)], cancellationToken).ConfigureAwait(false)).AsInt64() == 1;
        }
        catch (RedisDataLostException)
        {
            return false; // the lease went with the data: its holder must stop
        }
    }

    public async Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) =>
        (await db.ScriptEvaluateAsync(Delete, [Key(name)], [owner], cancellationToken).ConfigureAwait(false)).AsInt64() == 1;

    private static string Milliseconds(TimeSpan ttl) =>
        Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
}
