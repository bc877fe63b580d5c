using Dapper;
using Microsoft.Data.Sqlite;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// This process's lease writes, one transaction at a time: every write that arrives while a transaction runs waits
/// for the next one and goes in it together with the others (group commit). A burst of Slack envelope claims (50
/// members clicking at once) is two or three commits instead of fifty writers polling for SQLite's one write lock,
/// whose busy handler sleeps up to 100 ms between tries and blocks a thread while it does. Each write is still its
/// own statement, run in arrival order inside a <c>BEGIN IMMEDIATE</c> transaction, so it sees every write before it
/// (this process's and other processes') exactly as when it committed alone.
/// </summary>
internal sealed class SqliteLeaseWriter(SqliteSession session, TimeProvider time)
{
    // Bounds one transaction's time (and how long the write lock is held from other processes) in a huge burst.
    private const int MostPerTransaction = 256;

    private readonly Lock _gate = new();
    private List<LeaseWrite> _pending = [];
    private bool _draining;
    private long _transactions;

    /// <summary>How many transactions this writer has committed (or tried to): what group commit saves, for tests.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>
    /// Queues one statement and completes with whether it changed exactly one row. A write, once queued, is carried
    /// out even if <paramref name="cancellationToken"/> fires later: a lease its caller no longer knows about could
    /// otherwise be taken silently. Waiting is bounded by the store's busy timeout, as a single statement's is.
    /// </summary>
    public Task<bool> WriteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new LeaseWrite(sql, parameters);
        bool start;
        lock (_gate)
        {
            _pending.Add(write);
            start = !_draining;
            _draining = true;
        }

        if (start)
        {
            // SQLite's calls are synchronous: the drain runs off the caller's thread so the caller only awaits.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return write.Done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<LeaseWrite> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _draining = false;
                    return;
                }

                batch = _pending.Count <= MostPerTransaction ? _pending : _pending[..MostPerTransaction];
                _pending = _pending.Count <= MostPerTransaction ? [] : _pending[MostPerTransaction..];
            }

            try
            {
                var changed = await CommitAsync(batch).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(changed[i] == 1);
                }
            }
            catch (Exception ex)
            {
                // A failed transaction (busy past the timeout, a damaged file) wrote none of them: each caller sees
                // the error its own statement would have met, and the store's guard reports it.
                foreach (var write in batch)
                {
                    write.Done.TrySetException(ex);
                }
            }
        }
    }

    private async Task<int[]> CommitAsync(List<LeaseWrite> batch)
    {
        Interlocked.Increment(ref _transactions);
        await using var connection = await session.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);

        // Leases nobody releases (envelope claims) would pile up; expired ones are worth nothing, so each transaction
        // sweeps them. The statements check expiry themselves, so the sweep is only housekeeping.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM leases WHERE expires_at <= @now;", new { now = Instant(time.GetUtcNow()) }, transaction)).ConfigureAwait(false);
        var changed = new int[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            changed[i] = await connection.ExecuteAsync(new CommandDefinition(batch[i].Sql, batch[i].Parameters, transaction)).ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return changed;
    }

    private sealed record LeaseWrite(string Sql, object Parameters)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
