using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file behind <see cref="IMemberStore"/>, <see cref="ICoffeeScheduleStore"/>
/// and <see cref="IRoundStore"/>. Thread-safe; meant to be a singleton. The schema is migrated by
/// <see cref="InitializeAsync"/>, or on first use if the host did not call it.
/// </summary>
public sealed class SqliteStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly Lazy<Task<IReadOnlyList<string>>> _migration;

    public SqliteStore(SqliteOptions options)
    {
        _connections = new SqliteConnectionFactory(options);

        // Not the first caller's token: one cancelled request must not fail the migration for everyone.
        _migration = new Lazy<Task<IReadOnlyList<string>>>(() => new SqliteMigrator(_connections).MigrateAsync(CancellationToken.None));
        Session = new SqliteSession(_connections, () => _migration.Value);
        var session = Session;
        Members = new SqliteMemberStore(session);
        Programs = new SqliteCoffeeScheduleStore(session);
        Rounds = new SqliteRoundStore(session);
        Interviews = new SqliteInterviewStore(session);
        HostValues = new SqliteHostValues(session);
    }

    /// <summary>
    /// Connections and the one write queue that every store on this file shares, so that all of this process's
    /// writes to the file commit in groups (<see cref="SqliteWriteQueue"/>).
    /// </summary>
    internal SqliteSession Session { get; }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _connections.DatabasePath;

    public IMemberStore Members { get; }

    public ICoffeeScheduleStore Programs { get; }

    public IRoundStore Rounds { get; }

    public IInterviewStore Interviews { get; }

    /// <summary>Named values the host keeps with the data (the console shell's clock).</summary>
    public SqliteHostValues HostValues { get; }

    /// <summary>
    /// Creates the file and its directory if missing and applies pending migrations; returns the names of the
    /// migrations this instance applied (empty when the schema was current). Safe to call more than once.
    /// </summary>
    public Task<IReadOnlyList<string>> InitializeAsync(CancellationToken cancellationToken = default) =>
        _migration.Value.WaitAsync(cancellationToken);

    /// <summary>Closes idle pooled connections to the file, e.g. before deleting it in a test.</summary>
    public void ReleaseConnections() => _connections.ClearPool();
}
