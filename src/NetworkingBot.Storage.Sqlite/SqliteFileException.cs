using Microsoft.Data.Sqlite;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>Why the database file cannot be used; each names what the operator does about it.</summary>
public enum SqliteFileProblem
{
    /// <summary>The path is a directory.</summary>
    IsDirectory,

    /// <summary>The file or its folder cannot be created or opened (a missing or unwritable folder, a path through a file).</summary>
    CannotOpen,

    /// <summary>The file (or its folder, where the -wal and -shm files go) cannot be written.</summary>
    ReadOnly,

    /// <summary>Another program holds a lock on it longer than the busy timeout.</summary>
    Locked,

    /// <summary>It is not a SQLite database, or its integrity check fails.</summary>
    Damaged,
}

/// <summary>
/// The store's file cannot be used: found at start (<see cref="SqliteStore.InitializeAsync"/>) so the host can
/// name its setting in one line, instead of members later seeing "something went wrong".
/// </summary>
public sealed class SqliteFileException : Exception
{
    public SqliteFileException(string path, SqliteFileProblem problem, string detail, Exception? inner = null)
        : base($"{path}: {Describe(problem)} ({detail})", inner)
    {
        Path = path;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    public SqliteFileProblem Problem { get; }

    /// <summary>What SQLite or the file system said.</summary>
    public string Detail { get; }

    public static string Describe(SqliteFileProblem problem) => problem switch
    {
        SqliteFileProblem.IsDirectory => "is a directory, not a database file",
        SqliteFileProblem.CannotOpen => "cannot be created or opened",
        SqliteFileProblem.ReadOnly => "is read-only",
        SqliteFileProblem.Locked => "is locked by another program",
        _ => "is not a SQLite database or is damaged",
    };

    /// <summary>What a SQLite error at start means for the file; null for errors that are not about the file.</summary>
    public static SqliteFileProblem? Classify(SqliteException exception) => exception?.SqliteErrorCode switch
    {
        // SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH, SQLITE_IOERR
        14 or 3 or 23 or 10 => SqliteFileProblem.CannotOpen,
        // SQLITE_READONLY
        8 => SqliteFileProblem.ReadOnly,
        // SQLITE_BUSY, SQLITE_LOCKED
        5 or 6 => SqliteFileProblem.Locked,
        // SQLITE_CORRUPT, SQLITE_NOTADB
        11 or 26 => SqliteFileProblem.Damaged,
        _ => null,
    };
}
