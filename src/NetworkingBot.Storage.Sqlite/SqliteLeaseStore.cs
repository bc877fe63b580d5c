using NetworkingBot.Core.Leases;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// <see cref="ILeaseStore"/> in the same SQLite file (table <c>leases</c>, migration 0005). Expiry is compared with
/// the injected clock, not SQLite's, so a test's fake clock decides when a lease runs out. Each operation is one
/// statement, which SQLite runs atomically against every other connection to the file. A lease running out later
/// than a fresh one would was written by a clock ahead of this one (the console shell's <c>advance</c> on the same
/// file, a clock set back) and counts as expired, so a shell stopped while holding one cannot block the bot for days.
/// Writes go through one <see cref="SqliteLeaseWriter"/> per store, which commits those that arrive together in one
/// transaction.
/// </summary>
internal sealed class SqliteLeaseStore(SqliteSession session, TimeProvider time) : ILeaseStore
{
    private readonly SqliteLeaseWriter _writer = new(session, time);

    public SqliteLeaseStore(SqliteStore store, SqliteOptions options, TimeProvider time)
        : this(new SqliteSession(new SqliteConnectionFactory(options), () => store.InitializeAsync()), time)
    {
    }

    /// <summary>Transactions committed so far; tests read it to see claims grouped.</summary>
    internal long Transactions => _writer.Transactions;

    public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return _writer.WriteAsync(
            """
            INSERT INTO leases (name, owner, expires_at) VALUES (@name, @owner, @expires)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE leases.owner = excluded.owner OR leases.expires_at <= @now OR leases.expires_at > @expires;
            """,
            new { name, owner, expires = Instant(now + ttl), now = Instant(now) }, cancellationToken);
    }

    public Task<bool> TryReclaimAsync(string name, string owner, string stalePrefix, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stalePrefix);
        var now = time.GetUtcNow();
        return _writer.WriteAsync(
            """
            INSERT INTO leases (name, owner, expires_at) VALUES (@name, @owner, @expires)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE leases.owner = excluded.owner OR leases.expires_at <= @now OR leases.expires_at > @expires
               OR substr(leases.owner, 1, length(@stalePrefix)) = @stalePrefix;
            """,
            new { name, owner, stalePrefix, expires = Instant(now + ttl), now = Instant(now) }, cancellationToken);
    }

    public Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return _writer.WriteAsync(
            "UPDATE leases SET expires_at = @expires WHERE name = @name AND owner = @owner AND expires_at > @now;",
            new { name, owner, expires = Instant(now + ttl), now = Instant(now) }, cancellationToken);
    }

    public Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync("DELETE FROM leases WHERE name = @name AND owner = @owner;", new { name, owner }, cancellationToken);
}
