using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Testing.Fakes;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>
/// Issue 16: a fault about the database file while the bot runs (damaged, disk full, read-only, I/O error) is one
/// clear log line and an apology to the member, and a damaged file is not written to again.
/// </summary>
public sealed class SqliteFaultsWhileRunningTests : IAsyncDisposable
{
    private readonly TempDatabase _database = new();
    private readonly RecordingLogger<SqliteFileHealth> _log = new();
    private readonly ServiceProvider _provider;

    public SqliteFaultsWhileRunningTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddNetworkingCore();
        services.AddSingleton<ILogger<SqliteFileHealth>>(_log);
        services.AddSqliteStore(o => o.Path = _database.PathOf());
        services.AddSingleton<IMessenger>(new RecordingMessenger());
        services.AddSingleton<IRoundScheduler>(new RecordingScheduler());
        services.AddSingleton<IPairingEngine>(new InOrderPairingEngine());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public async ValueTask DisposeAsync()
    {
        var store = _provider.GetRequiredService<SqliteStore>();
        await _provider.DisposeAsync();
        store.ReleaseConnections();
        _database.Dispose();
    }

    private Task<CommandResult> RunAsync(string user, string line, bool organiser = false) =>
        _provider.GetRequiredService<CommandDispatcher>().DispatchAsync(CoreHarness.Context(user, organiser), line);

    /// <summary>Overwrites every page after the first (the schema survives, the tables do not), as a failing disk might.</summary>
    private void DamageTheFile()
    {
        var store = _provider.GetRequiredService<SqliteStore>();
        store.ReleaseConnections(); // the last connection closing checkpoints the WAL into the file
        var path = _database.PathOf();
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8192, "expected a file of several pages");
        var pageSize = (bytes[16] << 8) | bytes[17];
        for (var i = pageSize; i < bytes.Length; i++)
        {
            bytes[i] = 0x5A;
        }

        File.WriteAllBytes(path, bytes);
    }

    private byte[] FileBytes() => File.ReadAllBytes(_database.PathOf());

    [Fact]
    public async Task A_file_damaged_while_running_is_one_critical_line_an_apology_and_never_written_again()
    {
        await _provider.GetRequiredService<SqliteStore>().InitializeAsync();
        Assert.IsType<Reply>(await RunAsync("org", "/coffee setup day:monday time:09:00 tz:UTC", organiser: true));
        Assert.IsType<Reply>(await RunAsync("ana", "/coffee join tz:UTC"));
        DamageTheFile();
        var damaged = FileBytes();

        Assert.Same(CommandResult.Apology, await RunAsync("ana", "/coffee status"));
        Assert.Same(CommandResult.Apology, await RunAsync("bob", "/coffee join tz:UTC"));
        Assert.Same(CommandResult.Apology, await RunAsync("ana", "/coffee pause"));

        var line = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Critical, line.Level);
        Assert.Contains(_database.PathOf(), line.Message, StringComparison.Ordinal);
        Assert.Contains("is damaged", line.Message, StringComparison.Ordinal);
        Assert.Contains("restore the file from a backup", line.Message, StringComparison.Ordinal);
        Assert.True(_provider.GetRequiredService<SqliteFileHealth>().IsDamaged);

        // Nothing touched the file after the damage was seen: not the join, not the pause, not a lease.
        Assert.Equal(damaged, FileBytes());
        var refused = await Assert.ThrowsAsync<SqliteFileException>(() => _provider.GetRequiredService<IMemberStore>().ListAsync("console:test"));
        Assert.Equal(SqliteFileProblem.Damaged, refused.Problem);
    }

    [Theory]
    [InlineData(13, "the disk is full", "free space")]
    [InlineData(8, "read-only", "writable")]
    [InlineData(10, "I/O error", "check the disk")]
    [InlineData(778, "I/O error", "check the disk")] // SQLITE_IOERR_WRITE, an extended code of SQLITE_IOERR
    public async Task A_passing_fault_is_one_line_per_episode_and_the_file_is_tried_again(int code, string problem, string fix)
    {
        var health = new SqliteFileHealth("/data/bot.db", _log);
        var port = SqliteGuard.Wrap<ICoffeeScheduleStore>(new FaultyPrograms(code), health);

        // Three failing calls, one line; the error reaches the caller as SQLite's own (the dispatcher apologises).
        for (var i = 0; i < 3; i++)
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => port.UpsertAsync(null!));
            Assert.Equal(code, error.SqliteErrorCode);
        }

        var line = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains(problem, line.Message, StringComparison.Ordinal);
        Assert.Contains(fix, line.Message, StringComparison.Ordinal);
        Assert.False(health.IsDamaged);

        // It passes (a read works), then comes back: news again, so one more line.
        Assert.Null(await port.GetAsync("c1"));
        await Assert.ThrowsAsync<SqliteException>(() => port.UpsertAsync(null!));
        Assert.Equal(2, _log.Entries.Count);
    }

    [Fact]
    public async Task Errors_that_are_not_about_the_file_pass_through_unlogged()
    {
        var health = new SqliteFileHealth("/data/bot.db", _log);
        var port = SqliteGuard.Wrap<ICoffeeScheduleStore>(new FaultyPrograms(19), health); // SQLITE_CONSTRAINT

        await Assert.ThrowsAsync<SqliteException>(() => port.UpsertAsync(null!));

        Assert.Empty(_log.Entries);
        Assert.False(health.IsDamaged);
    }

    /// <summary>Writes fail with one SQLite result code; reads work and find nothing.</summary>
    private sealed class FaultyPrograms(int code) : ICoffeeScheduleStore
    {
        public Task<CoffeeSchedule?> GetAsync(string communityId, CancellationToken cancellationToken = default) => Task.FromResult<CoffeeSchedule?>(null);

        public Task UpsertAsync(CoffeeSchedule program, CancellationToken cancellationToken = default) =>
            Task.FromException(new SqliteException($"injected SQLite error {code}", code));

        public Task<IReadOnlyList<CoffeeSchedule>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<CoffeeSchedule>>([]);
    }
}
