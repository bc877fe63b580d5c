using Microsoft.Data.Sqlite;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>
/// A database file the store cannot use is named at start, with what is wrong with it, instead of a member's
/// first command failing later; the file is left as it was found.
/// </summary>
public sealed class SqliteFileProblemTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_directory_is_named_as_one()
    {
        Directory.CreateDirectory(_database.PathOf("folder.db"));

        var error = await Assert.ThrowsAsync<SqliteFileException>(() => _database.Open("folder.db").InitializeAsync());

        Assert.Equal(SqliteFileProblem.IsDirectory, error.Problem);
        Assert.Equal(_database.PathOf("folder.db"), error.Path);
    }

    [Fact]
    public async Task A_path_through_a_file_cannot_be_created()
    {
        Directory.CreateDirectory(_database.Directory);
        await File.WriteAllTextAsync(_database.PathOf("plain.txt"), "not a folder");

        var error = await Assert.ThrowsAsync<SqliteFileException>(() => _database.Open(Path.Combine("plain.txt", "bot.db")).InitializeAsync());

        Assert.Equal(SqliteFileProblem.CannotOpen, error.Problem);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named_damaged_and_left_untouched()
    {
        Directory.CreateDirectory(_database.Directory);
        var junk = Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7919 % 251)).ToArray();
        await File.WriteAllBytesAsync(_database.PathOf(), junk);

        var error = await Assert.ThrowsAsync<SqliteFileException>(() => _database.Open().InitializeAsync());

        Assert.Equal(SqliteFileProblem.Damaged, error.Problem);
        Assert.Equal(junk, await File.ReadAllBytesAsync(_database.PathOf()));
    }

    [Fact]
    public async Task A_database_with_a_damaged_page_fails_the_integrity_check_at_start()
    {
        var store = _database.Open();
        await store.InitializeAsync();
        store.ReleaseConnections();
        await CheckpointAsync(_database.PathOf());

        // Pages 3 to 8 (the schema's tables) overwritten; the header and page 1 stay valid, so only a check finds it.
        await using (var file = File.Open(_database.PathOf(), FileMode.Open, FileAccess.ReadWrite))
        {
            file.Seek(4096 * 2, SeekOrigin.Begin);
            await file.WriteAsync(Enumerable.Repeat((byte)0xFF, 4096 * 6).ToArray());
        }

        var error = await Assert.ThrowsAsync<SqliteFileException>(() => _database.Open().InitializeAsync());

        Assert.Equal(SqliteFileProblem.Damaged, error.Problem);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_file_another_program_holds_locked_is_named_locked()
    {
        var path = _database.PathOf();
        Directory.CreateDirectory(_database.Directory);
        await using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        await holder.OpenAsync();
        await using (var command = holder.CreateCommand())
        {
            // A rollback-journal file under an exclusive lock: nobody else may even read it.
            command.CommandText = "CREATE TABLE other (x INTEGER); BEGIN EXCLUSIVE; INSERT INTO other VALUES (1);";
            await command.ExecuteNonQueryAsync();
        }

        var store = new SqliteStore(new SqliteOptions { Path = path, BusyTimeout = TimeSpan.FromMilliseconds(100) });
        var error = await Assert.ThrowsAsync<SqliteFileException>(() => store.InitializeAsync());
        store.ReleaseConnections();

        Assert.Equal(SqliteFileProblem.Locked, error.Problem);
    }

    // A read-only file cannot be produced here: the tests run as root, who writes through file permissions.
    [Theory]
    [InlineData(8, SqliteFileProblem.ReadOnly)]
    [InlineData(14, SqliteFileProblem.CannotOpen)]
    [InlineData(5, SqliteFileProblem.Locked)]
    [InlineData(11, SqliteFileProblem.Damaged)]
    [InlineData(26, SqliteFileProblem.Damaged)]
    public void SQLite_errors_about_the_file_are_classified(int code, SqliteFileProblem expected)
    {
        Assert.Equal(expected, SqliteFileException.Classify(new SqliteException("from SQLite", code)));
    }

    [Fact]
    public void Errors_that_are_not_about_the_file_are_left_alone()
    {
        // SQLITE_CONSTRAINT: a bug in a script, not the operator's file.
        Assert.Null(SqliteFileException.Classify(new SqliteException("constraint", 19)));
    }

    private static async Task CheckpointAsync(string path)
    {
        // Folds the WAL into the main file and leaves rollback mode, so the file alone holds every page.
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
        await command.ExecuteNonQueryAsync();
    }
}
