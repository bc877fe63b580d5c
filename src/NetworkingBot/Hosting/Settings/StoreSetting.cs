using NetworkingBot.Core.Settings;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Sqlite;
using StackExchange.Redis;

namespace NetworkingBot.Hosting.Settings;

/// <summary>
/// The setting that names the store in use, and which of the store's start-up failures are that setting's
/// fault (a file that cannot be opened, a server that cannot be reached) rather than a bug. The host picks the
/// store, so it is the one that knows the setting's name; the stores know only their files and servers.
/// </summary>
public sealed record StoreSetting(string Setting, Func<Exception, SettingProblem?> Describe)
{
    private const string SqliteExpected = "a SQLite database file this user can read and write (it is created, with its folder, on first start)";

    public static StoreSetting Sqlite { get; } = new("State:Sqlite:Path", ex => ex is SqliteFileException file
        ? new SettingProblem("State:Sqlite:Path", $"\"{file.Path}\" {SqliteFileException.Describe(file.Problem)} ({file.Detail.TrimEnd('.')})", SqliteExpected, SqliteFix(file))
        : null);

    /// <summary>
    /// The Redis store's start-up throws for an unreachable server, a refused password, a server that is too old
    /// or a prefix holding another key layout: each is for the operator to fix in the connection string or the server.
    /// A keyspace a running instance found emptied (issue 16) is named apart: the fix is a restore, not a setting.
    /// </summary>
    public static StoreSetting Redis { get; } = new("State:Redis:ConnectionString", ex => ex is RedisDataLostException lost
        ? new SettingProblem(
            "State:Redis:ConnectionString",
            $"cannot be used: {lost.Message.TrimEnd('.')}",
            "a Redis that kept the data this bot wrote there",
            "Restore Redis's data from its backup (RDB or AOF file), or delete the epoch-lost key named above to start over empty.")
        : ex is InvalidOperationException or RedisConnectionException or RedisTimeoutException or RedisServerException
        ? new SettingProblem(
            "State:Redis:ConnectionString",
            $"cannot be used: {((ex.InnerException as RedisConnectionException)?.Message ?? ex.Message).TrimEnd('.')}",
            "the address (and password) of a running Redis 5.0 or later, with a prefix of its own",
            "Start Redis, or correct State__Redis__ConnectionString (host:port,password=...,prefix=...).")
        : null);

    private static string SqliteFix(SqliteFileException file) => file.Problem switch
    {
        SqliteFileProblem.IsDirectory => $"Point State__Sqlite__Path (or --db) at a file, e.g. {Path.Combine(file.Path, "networkingbot.db")}.",
        SqliteFileProblem.CannotOpen => "Choose a path (State__Sqlite__Path or --db) whose folder exists or can be created, and that this user may write.",
        SqliteFileProblem.ReadOnly => "Make the file and its folder writable by this user (the -wal and -shm files go beside it), or choose another path.",
        SqliteFileProblem.Locked => "Stop the other program that holds it (another NetworkingBot on this file, a SQLite browser), or choose another path.",
        _ => "Restore it from a backup, or move it aside to start with an empty database (or choose another path with State__Sqlite__Path or --db).",
    };
}
