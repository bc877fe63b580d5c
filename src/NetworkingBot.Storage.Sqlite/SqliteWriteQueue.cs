using Microsoft.Data.Sqlite;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// Every write of one <see cref="SqliteStore"/> (one file in the host), one transaction at a time: writes that arrive
/// while a transaction runs wait for the next one and go in it together (group commit). A burst of 50 members
/// joining at once is a few commits (a few fsyncs) instead of 50 writers polling for SQLite's one write lock, whose
/// busy handler sleeps up to 100 ms between tries and holds a thread while it does. Each write runs alone, in arrival
/// order, inside its own savepoint of one <c>BEGIN IMMEDIATE</c> transaction: it sees every write before it (this
/// process's and other processes') as when it committed alone, a read-then-write stays atomic, and a write that
/// throws is rolled back to its savepoint and fails only its own caller (unless the error is about the file itself,
/// see <see cref="SqliteFileHealth"/>, which fails the whole transaction). Other processes on the file still meet
/// SQLite's lock and busy timeout, as before.
/// </summary>
internal sealed class SqliteWriteQueue(Func<Task<SqliteConnection>> open)
{
    // Bounds one transaction's time (and how long the write lock is held from other processes) in a huge burst.
    internal const int MostPerTransaction = 256;

    private readonly Lock _gate = new();
    private List<IQueuedWrite> _pending = [];
    private bool _draining;
    private long _transactions;

    /// <summary>How many transactions this queue has begun: what group commit saves, for tests.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>
    /// Queues <paramref name="write"/> and completes with its result once the transaction it ran in has committed.
    /// A write still waiting when <paramref name="cancellationToken"/> fires is skipped (the caller sees the
    /// cancellation and nothing was written). One that has started runs to its end: the token it is handed never
    /// fires, because cancelling a SQLite command interrupts the whole connection, and with it the other callers'
    /// writes in the same transaction. A write must not wait for another write of this queue: it would wait forever.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new QueuedWrite<T>(write, cancellationToken);
        bool start;
        lock (_gate)
        {
            _pending.Add(queued);
            start = !_draining;
            _draining = true;
        }

        if (start)
        {
            // SQLite's calls are synchronous: the drain runs off the caller's thread so the caller only awaits.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return queued.Done.Task;
    }

    /// <summary>A write with no result.</summary>
    public Task WriteAsync(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteAsync<bool>(async (c, t, ct) =>
        {
            await write(c, t, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<IQueuedWrite> batch;
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

            // Those cancelled while they waited are never started.
            batch.RemoveAll(w => w.CancelIfRequested());
            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
                foreach (var write in batch)
                {
                    write.Complete();
                }
            }
            catch (Exception ex)
            {
                // The transaction did not commit (busy past the timeout, a full disk, a damaged file): nothing of it
                // was written, so every caller in it sees the error, and the store's guard reports it.
                foreach (var write in batch)
                {
                    write.Fail(ex);
                }
            }
        }
    }

    private async Task CommitAsync(List<IQueuedWrite> batch)
    {
        Interlocked.Increment(ref _transactions);
        await using var connection = await open().ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var write in batch)
        {
            transaction.Save("w");
            try
            {
                await write.RunAsync(connection, transaction).ConfigureAwait(false);
                transaction.Release("w");
            }
            catch (Exception ex)
            {
                // A fault about the file (damaged, full, read-only, I/O) is not this write's alone: nothing more goes
                // into the file, and every write in the batch fails with it, as a failed commit does. Otherwise only
                // this write is undone (after its own commands are disposed, not in a filter: SQLite refuses to roll
                // back under a statement still running), and the others still commit.
                if ((ex is SqliteException sqlite && SqliteFileHealth.Classify(sqlite.SqliteErrorCode) is not null) || !UndoSavepoint(transaction))
                {
                    throw;
                }

                write.Fail(ex);
            }
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Rolls back to the failed write's savepoint. False when that is impossible: some errors (a full disk, an I/O
    /// error) make SQLite roll back the whole transaction, and then the batch fails as a failed commit does.
    /// </summary>
    private static bool UndoSavepoint(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback("w");
            transaction.Release("w");
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private interface IQueuedWrite
    {
        bool CancelIfRequested();

        Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken) : IQueuedWrite
    {
        private bool _ran;
        private T _result = default!;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool CancelIfRequested() => cancellationToken.IsCancellationRequested && Done.TrySetCanceled(cancellationToken);

        public async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            _result = await write(connection, transaction, CancellationToken.None).ConfigureAwait(false);
            _ran = true;
        }

        // A write that failed alone was already failed; the result is only handed out once its transaction committed.
        public void Complete()
        {
            if (_ran)
            {
                Done.TrySetResult(_result);
            }
        }

        public void Fail(Exception exception) => Done.TrySetException(exception);
    }
}
