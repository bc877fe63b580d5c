using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// What the running bot knows about its database file, shared by every store on it. A fault about the file itself
/// (damaged, disk full, read-only, an I/O error) is logged once, as one line that names the file and what to do,
/// instead of a stack trace per command. A damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) is not touched again: every
/// later call fails at once, so the bot never writes more into it; a restart runs the integrity check again. The
/// other faults may pass (space freed, permissions fixed), so the file is still tried and, after a call that works,
/// a recurrence is logged again.
/// </summary>
public sealed partial class SqliteFileHealth(string databasePath, ILogger<SqliteFileHealth> logger)
{
    private readonly ConcurrentDictionary<SqliteFileFault, byte> _reported = new();
    private volatile SqliteFileException? _damaged;

    /// <summary>Whether a damage report has stopped all use of the file.</summary>
    public bool IsDamaged => _damaged is not null;

    /// <summary>Fails at once, without touching the file, once it is known to be damaged.</summary>
    public void ThrowIfDamaged()
    {
        if (_damaged is { } damaged)
        {
            throw new SqliteFileException(databasePath, SqliteFileProblem.Damaged, "not used since SQLite reported it damaged: " + damaged.Detail, damaged);
        }
    }

    /// <summary>A call worked: a fault that comes back later is news again.</summary>
    public void Succeeded()
    {
        if (!_reported.IsEmpty)
        {
            _reported.Clear();
        }
    }

    /// <summary>
    /// Looks at a SQLite error from a store call: logs a fault about the file (once), marks a damaged file, and
    /// returns what the caller should throw (the error itself, or for a damaged file a <see cref="SqliteFileException"/>).
    /// </summary>
    public Exception Report(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var fault = Classify(exception.SqliteErrorCode);
        if (fault is null)
        {
            return exception;
        }

        if (fault == SqliteFileFault.Damaged)
        {
            var damaged = new SqliteFileException(databasePath, SqliteFileProblem.Damaged, exception.Message, exception);
            if (Interlocked.CompareExchange(ref _damaged, damaged, null) is null)
            {
                LogDamaged(logger, databasePath, exception.SqliteErrorCode, exception.Message);
            }

            return damaged;
        }

        if (!IsDamaged && _reported.TryAdd(fault.Value, 0))
        {
            LogFault(logger, databasePath, Describe(fault.Value), exception.SqliteErrorCode, exception.Message, Fix(fault.Value));
        }

        return exception;
    }

    /// <summary>Which fault about the file a SQLite result code is (primary codes); null for the others.</summary>
    public static SqliteFileFault? Classify(int sqliteErrorCode) => (sqliteErrorCode & 0xFF) switch
    {
        11 or 26 => SqliteFileFault.Damaged,     // SQLITE_CORRUPT, SQLITE_NOTADB
        13 => SqliteFileFault.Full,              // SQLITE_FULL
        8 => SqliteFileFault.ReadOnly,           // SQLITE_READONLY
        10 => SqliteFileFault.IoError,           // SQLITE_IOERR
        _ => null,
    };

    private static string Describe(SqliteFileFault fault) => fault switch
    {
        SqliteFileFault.Full => "the disk is full",
        SqliteFileFault.ReadOnly => "the file (or its folder, where the -wal and -shm files go) has become read-only",
        _ => "the disk reported an I/O error",
    };

    private static string Fix(SqliteFileFault fault) => fault switch
    {
        SqliteFileFault.Full => "free space on that disk; writes work again as soon as there is room",
        SqliteFileFault.ReadOnly => "make the file and its folder writable for the bot's user; writes work again once they are",
        _ => "check the disk (dmesg, SMART); if it keeps happening stop the bot and copy the file to a healthy disk",
    };

    [LoggerMessage(Level = LogLevel.Critical, Message = "SQLite database {Path} is damaged (SQLite error {Code}: {Detail}); the bot stopped using it so nothing more is written into it, and members get an apology. Stop the bot, restore the file from a backup (or salvage it with: sqlite3 damaged.db \".recover\" | sqlite3 recovered.db) and start again")]
    private static partial void LogDamaged(ILogger logger, string path, int code, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite database {Path}: {Problem} (SQLite error {Code}: {Detail}); commands that write get an apology until it is fixed: {Fix}")]
    private static partial void LogFault(ILogger logger, string path, string problem, int code, string detail, string fix);
}

/// <summary>A fault about the database file found while the bot runs.</summary>
public enum SqliteFileFault
{
    Damaged,
    Full,
    ReadOnly,
    IoError,
}
