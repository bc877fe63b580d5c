using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Network;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// The shared store for several instances: Redis behind every store port (<see cref="IMemberStore"/>,
/// <see cref="ICoffeeScheduleStore"/>, <see cref="IRoundStore"/>, <see cref="IInterviewStore"/>, <see cref="IJobLeadStore"/>, <see cref="INetworkStore"/>).
/// Thread-safe; meant to be a singleton over one <see cref="IRedisDatabase"/>.
/// </summary>
public sealed class RedisStore
{
    /// <summary>The key layout this build writes; a server holding another one is refused at start.</summary>
    public const string LayoutVersion = "1";

    private static readonly Version Minimum = new(5, 0);

    private readonly IRedisDatabase _db;

    public RedisStore(IRedisDatabase db)
    {
        _db = db;
        Members = new RedisMemberStore(db);
        Programs = new RedisCoffeeScheduleStore(db);
        Rounds = new RedisRoundStore(db);
        Interviews = new RedisInterviewStore(db);
        JobLeads = new RedisJobLeadStore(db);
        Network = new RedisNetworkStore(db);
    }

    public IMemberStore Members { get; }

    public ICoffeeScheduleStore Programs { get; }

    public IRoundStore Rounds { get; }

    public IInterviewStore Interviews { get; }

    public IJobLeadStore JobLeads { get; }

    public INetworkStore Network { get; }

    /// <summary>
    /// Checks that the server answers, is new enough, and holds this build's key layout (or none yet, in which case
    /// it is recorded). Returns the server's version. Throws with a message an operator can act on.
    /// </summary>
    public async Task<Version> InitializeAsync(CancellationToken cancellationToken = default)
    {
        var version = await _db.ServerVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version < Minimum)
        {
            throw new InvalidOperationException($"Redis {version} is too old; the store needs {Minimum} or later.");
        }

        var key = _db.KeyPrefix + RedisKeys.Schema;
        await _db.ExecuteAsync("SET", [key, LayoutVersion, "NX"], cancellationToken).ConfigureAwait(false);
        var stored = (await _db.ExecuteAsync("GET", [key], cancellationToken).ConfigureAwait(false)).AsString();
        if (!string.Equals(stored, LayoutVersion, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Redis key '{key}' says layout {stored}, but this build reads layout {LayoutVersion}; use a matching build or another prefix.");
        }

        return version;
    }
}
