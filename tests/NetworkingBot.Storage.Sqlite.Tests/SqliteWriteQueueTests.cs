using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Testing.StoreContract;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>
/// Group commit of every write to one file: writes that arrive while a transaction runs share the next one, each in
/// its own savepoint, so one that fails fails alone, and sharing a transaction changes nothing about what is written.
/// A write that holds its transaction open until told (<see cref="HoldTheQueueAsync"/>) makes the batches explicit.
/// </summary>
public sealed class SqliteWriteQueueTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_write_that_fails_inside_a_batch_fails_only_its_caller_and_the_others_commit()
    {
        var store = await OpenAsync();
        var queue = store.Session.Writes;
        var release = await HoldTheQueueAsync(queue);

        var first = SetAsync(queue, "first");
        var failing = queue.WriteAsync<int>(async (connection, transaction, _) =>
        {
            // Writes a row first, so the test sees the savepoint take it back.
            await connection.ExecuteAsync("INSERT INTO host_values (name, value) VALUES ('failing', 'x');", transaction: transaction);
            throw new InvalidOperationException("this write is broken");
        }, CancellationToken.None);
        var last = SetAsync(queue, "last");
        release.SetResult();

        await Task.WhenAll(first, last);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("this write is broken", error.Message);
        Assert.Equal("x", await store.HostValues.GetAsync("first"));
        Assert.Equal("x", await store.HostValues.GetAsync("last"));
        Assert.Null(await store.HostValues.GetAsync("failing"));
        Assert.Equal(2, queue.Transactions); // the hold's and one for the three
    }

    [Fact]
    public async Task A_constraint_violation_inside_a_batch_is_its_callers_error_and_the_rest_commit()
    {
        var store = await OpenAsync();
        var queue = store.Session.Writes;
        var release = await HoldTheQueueAsync(queue);

        var duplicate = queue.WriteAsync(
            (connection, transaction, _) => connection.ExecuteAsync(
                "INSERT INTO host_values (name, value) VALUES ('dup', 'a'); INSERT INTO host_values (name, value) VALUES ('dup', 'b');",
                transaction: transaction),
            CancellationToken.None);
        var other = SetAsync(queue, "other");
        release.SetResult();

        var error = await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        await other;
        Assert.Null(await store.HostValues.GetAsync("dup")); // the first insert of the failed write was undone too
        Assert.Equal("x", await store.HostValues.GetAsync("other"));
    }

    [Fact]
    public async Task A_fault_about_the_file_inside_a_batch_fails_every_write_in_it_and_writes_none()
    {
        var store = await OpenAsync();
        var queue = store.Session.Writes;
        var release = await HoldTheQueueAsync(queue);

        var before = SetAsync(queue, "before");
        var damaged = queue.WriteAsync<int>(
            (_, _, _) => throw new SqliteException("database disk image is malformed", 11), CancellationToken.None); // SQLITE_CORRUPT
        var after = SetAsync(queue, "after");
        release.SetResult();

        foreach (var write in new Task[] { before, damaged, after })
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => write);
            Assert.Equal(11, error.SqliteErrorCode);
        }

        Assert.Null(await store.HostValues.GetAsync("before"));
        Assert.Null(await store.HostValues.GetAsync("after"));
    }

    [Fact]
    public async Task Writes_of_every_store_that_arrive_together_commit_in_one_transaction()
    {
        var store = await OpenAsync();
        var leases = new SqliteLeaseStore(store, new FakeTimeProvider(T0));
        var jobs = new SqliteJobLeadStore(store);
        var release = await HoldTheQueueAsync(store.Session.Writes);

        // A burst of 50 joins, each with its envelope claim, and a job lead shared in the middle of it.
        var writes = new List<Task>();
        for (var i = 0; i < 50; i++)
        {
            writes.Add(leases.TryAcquireAsync($"slack:envelope:{i}", "bot", TimeSpan.FromHours(1)));
            writes.Add(store.Members.UpsertAsync(Member("c1", $"u{i:00}")));
        }

        var lead = jobs.AddLeadAsync(JobLeadStoreContractTests.Lead());
        release.SetResult();
        await Task.WhenAll(writes);

        Assert.Equal(1, (await lead).Number);
        Assert.Equal(50, (await store.Members.ListAsync("c1")).Count);
        Assert.Equal(2, store.Session.Writes.Transactions); // 101 writes: the hold's transaction and one more
    }

    [Fact]
    public async Task Two_stores_on_one_file_racing_for_rounds_and_numbers_stay_correct()
    {
        // Two queues on one file, as two instances of the bot: they meet only at SQLite's write lock.
        var first = await OpenAsync("shared.db");
        var second = await OpenAsync("shared.db");
        var jobsOfFirst = new SqliteJobLeadStore(first);
        var jobsOfSecond = new SqliteJobLeadStore(second);

        var claims = Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).Rounds.TryClaimAsync(Round("c1", $"slot-{i / 4}")))).ToList();
        var leads = Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? jobsOfFirst : jobsOfSecond).AddLeadAsync(JobLeadStoreContractTests.Lead()))).ToList();
        var claimed = (await Task.WhenAll(claims)).OfType<Core.CoffeeChats.Round>().ToList();
        var added = await Task.WhenAll(leads);

        // One winner per slot, and round and lead numbers each taken once, read and written under one lock.
        Assert.Equal(10, claimed.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"slot-{i}"), claimed.Select(r => r.SlotKey).Order());
        Assert.Equal(Enumerable.Range(1, 10), claimed.Select(r => r.Number).Order());
        Assert.Equal(Enumerable.Range(1, 20), added.Select(l => l.Number).Order());
    }

    [Fact]
    public async Task A_write_cancelled_before_it_starts_is_skipped_and_the_others_in_its_batch_commit()
    {
        var store = await OpenAsync();
        var queue = store.Session.Writes;
        var release = await HoldTheQueueAsync(queue);
        using var cancel = new CancellationTokenSource();

        var cancelled = SetAsync(queue, "cancelled", cancel.Token);
        var kept = SetAsync(queue, "kept");
        await cancel.CancelAsync();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await kept;
        Assert.Null(await store.HostValues.GetAsync("cancelled"));
        Assert.Equal("x", await store.HostValues.GetAsync("kept"));
    }

    [Fact]
    public async Task A_write_cancelled_after_it_started_runs_to_its_end()
    {
        var store = await OpenAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var goOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();

        var write = store.Session.Writes.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync("INSERT INTO host_values (name, value) VALUES ('half', '1');", transaction: transaction);
            started.SetResult();
            await goOn.Task;
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO host_values (name, value) VALUES ('other half', '2');", transaction: transaction, cancellationToken: ct));
            return ct.CanBeCanceled;
        }, cancel.Token);
        await started.Task;
        await cancel.CancelAsync();
        goOn.SetResult();

        Assert.False(await write); // the token the write was handed is not the caller's
        Assert.Equal("1", await store.HostValues.GetAsync("half"));
        Assert.Equal("2", await store.HostValues.GetAsync("other half"));
    }

    private async Task<SqliteStore> OpenAsync(string file = "bot.db")
    {
        var store = _database.Open(file);
        await store.InitializeAsync();
        return store;
    }

    private static Task<int> SetAsync(SqliteWriteQueue queue, string name, CancellationToken cancellationToken = default) =>
        queue.WriteAsync(
            (connection, transaction, _) => connection.ExecuteAsync(
                "INSERT INTO host_values (name, value) VALUES (@name, 'x');", new { name }, transaction),
            cancellationToken);

    /// <summary>
    /// Starts a write that keeps its transaction open until the returned source is completed: everything queued
    /// meanwhile waits for the next transaction, together.
    /// </summary>
    private static async Task<TaskCompletionSource> HoldTheQueueAsync(SqliteWriteQueue queue)
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = queue.WriteAsync<int>(async (_, _, _) =>
        {
            holding.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        await holding.Task;
        return release;
    }

    public void Dispose() => _database.Dispose();
}
