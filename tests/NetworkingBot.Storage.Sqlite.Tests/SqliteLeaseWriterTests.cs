using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>
/// Group commit of lease writes: claims that arrive together share a transaction, and sharing one changes nothing
/// about who gets a lease, in this process or across processes on the same file.
/// </summary>
public sealed class SqliteLeaseWriterTests : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Claims_that_arrive_while_the_write_lock_is_held_elsewhere_are_committed_together_and_each_decided_alone()
    {
        var leases = await LeasesAsync("bot.db");
        await using var holder = await HoldWriteLockAsync("bot.db");

        // A burst like 50 members clicking at once, and ten instances' worth of owners racing for one envelope.
        var distinct = Enumerable.Range(0, 50).Select(i => leases.TryAcquireAsync($"slack:envelope:{i}", $"owner-{i}", Ttl)).ToList();
        var racing = Enumerable.Range(0, 10).Select(i => leases.TryAcquireAsync("slack:envelope:dup", $"racer-{i}", Ttl)).ToList();
        await holder.CommitAsync();

        Assert.All(await Task.WhenAll(distinct), Assert.True);
        Assert.Single(await Task.WhenAll(racing), won => won);

        // The first transaction took what had arrived when it began and then waited for the lock; the rest went in one more.
        Assert.InRange(leases.Transactions, 1, 2);
    }

    [Fact]
    public async Task Two_stores_on_one_file_racing_for_one_lease_give_it_to_exactly_one_owner()
    {
        var first = await LeasesAsync("shared.db");
        var second = await LeasesAsync("shared.db");

        var won = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).TryAcquireAsync("slack:envelope:E1", $"owner-{i}", Ttl))));

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task A_transaction_that_cannot_get_the_write_lock_fails_every_claim_in_it_and_takes_no_lease()
    {
        var leases = await LeasesAsync("busy.db", TimeSpan.FromMilliseconds(100));
        await using (var holder = await HoldWriteLockAsync("busy.db"))
        {
            var claims = Enumerable.Range(0, 3).Select(i => leases.TryAcquireAsync($"slack:envelope:{i}", "first", Ttl)).ToList();

            foreach (var claim in claims)
            {
                var error = await Assert.ThrowsAsync<SqliteException>(() => claim);
                Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
            }
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.True(await leases.TryAcquireAsync($"slack:envelope:{i}", "second", Ttl));
        }
    }

    private async Task<SqliteLeaseStore> LeasesAsync(string file, TimeSpan? busyTimeout = null)
    {
        var options = new SqliteOptions { Path = _database.PathOf(file), BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5) };
        var store = _database.Open(file);
        await store.InitializeAsync();
        return new SqliteLeaseStore(store, options, _clock);
    }

    /// <summary>Another process's writer: a connection in an immediate transaction, holding the file's one write lock.</summary>
    private async Task<HeldLock> HoldWriteLockAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={_database.PathOf(file)};Pooling=False");
        await connection.OpenAsync();
        return new HeldLock(connection, connection.BeginTransaction(deferred: false));
    }

    public void Dispose() => _database.Dispose();

    private sealed class HeldLock(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public Task CommitAsync() => transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
