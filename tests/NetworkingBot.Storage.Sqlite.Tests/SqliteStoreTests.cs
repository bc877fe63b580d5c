using Dapper;
using Microsoft.Data.Sqlite;
using NetworkingBot.Testing.StoreContract;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>What only the SQLite store promises: the file, its schema history and its journal mode.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Initialize_creates_the_directory_and_the_file()
    {
        var path = _database.PathOf(Path.Combine("nested", "deeper", "bot.db"));
        Assert.False(Directory.Exists(_database.Directory));

        await _database.Open(Path.Combine("nested", "deeper", "bot.db")).InitializeAsync();

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task First_use_without_initialize_creates_and_migrates_the_file()
    {
        var store = _database.Open();

        await store.Members.UpsertAsync(StoreSamples.Member("c1", "alice"));

        Assert.NotNull(await store.Members.GetAsync("c1", "alice"));
        Assert.True(File.Exists(_database.PathOf()));
    }

    [Fact]
    public async Task Migrations_apply_once_and_are_recorded_in_order()
    {
        var first = await _database.Open().InitializeAsync();
        var again = await _database.Open().InitializeAsync();
        var migrator = new SqliteMigrator(new SqliteConnectionFactory(new SqliteOptions { Path = _database.PathOf() }));
        var third = await migrator.MigrateAsync();

        // Every embedded script, in version order (programs add their own: 0003_job_leads, …).
        var embedded = Migration.LoadEmbedded();
        Assert.Equal(embedded.Select(m => m.Name), first);
        Assert.Equal("0001_initial", first[0]);
        Assert.Empty(again);
        Assert.Empty(third);
        await using var connection = await OpenAsync();
        var recorded = await connection.QueryAsync<(long Version, string Name)>("SELECT version, name FROM schema_migrations ORDER BY version;");
        Assert.Equal(embedded.Select(m => ((long)m.Version, m.Name)), recorded);
    }

    [Fact]
    public async Task A_new_migration_is_applied_after_the_recorded_ones_and_a_failing_one_leaves_no_trace()
    {
        var factory = new SqliteConnectionFactory(new SqliteOptions { Path = _database.PathOf() });
        var initial = Migration.LoadEmbedded();
        await new SqliteMigrator(factory, initial).MigrateAsync();

        // Numbers far above the embedded ones, so the test holds as real migrations are added.
        var broken = new Migration(901, "0901_broken", "CREATE TABLE half (id INTEGER); THIS IS NOT SQL;");
        var added = new Migration(900, "0900_added", "CREATE TABLE extra (id INTEGER PRIMARY KEY);");
        await Assert.ThrowsAsync<SqliteException>(() => new SqliteMigrator(factory, [.. initial, added, broken]).MigrateAsync());

        await using var connection = await OpenAsync();
        Assert.Equal([.. initial.Select(m => (long)m.Version), 900L], await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version;"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half';"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra';"));
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_with_foreign_keys_on()
    {
        await _database.Open().InitializeAsync();

        await using var connection = await OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        var factory = new SqliteConnectionFactory(new SqliteOptions { Path = _database.PathOf(), BusyTimeout = TimeSpan.FromSeconds(3) });
        await using var storeConnection = await factory.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await storeConnection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));
        Assert.Equal(3000L, await storeConnection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;"));
    }

    [Fact]
    public async Task Data_survives_reopening_the_file()
    {
        var first = _database.Open();
        var member = StoreSamples.Member("c1", "alice");
        var round = StoreSamples.Round("c1", "s1", StoreSamples.Group(0, "alice", "bob"));
        await first.Members.UpsertAsync(member);
        await first.Programs.UpsertAsync(StoreSamples.Program("c1"));
        var claimed = await first.Rounds.TryClaimAsync(round);
        await first.Rounds.TryRecordDeliveryAsync(round.RoundId, "intro:alice", StoreSamples.T0);
        first.ReleaseConnections();

        var reopened = _database.Open();

        StoreAssert.Same(member, await reopened.Members.GetAsync("c1", "alice"));
        StoreAssert.Same(StoreSamples.Program("c1"), await reopened.Programs.GetAsync("c1"));
        StoreAssert.Same(claimed!, await reopened.Rounds.GetAsync(round.RoundId));
        Assert.Equal(["intro:alice"], await reopened.Rounds.GetDeliveriesAsync(round.RoundId));
        Assert.Equal(2, (await reopened.Rounds.TryClaimAsync(StoreSamples.Round("c1", "s2")))?.Number);
    }

    [Fact]
    public async Task Updating_a_round_that_was_never_claimed_throws()
    {
        var store = _database.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Rounds.UpdateAsync(StoreSamples.Round("c1", "s1")));
    }

    [Fact]
    public async Task Times_are_stored_as_fixed_width_utc_text()
    {
        var store = _database.Open();
        await store.Members.UpsertAsync(StoreSamples.Member("c1", "alice"));

        await using var connection = await OpenAsync();
        var joined = await connection.ExecuteScalarAsync<string>("SELECT joined_at FROM members;");
        Assert.Equal("2025-03-04T15:30:05.1234567Z", joined);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.PathOf(), Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose() => _database.Dispose();
}
