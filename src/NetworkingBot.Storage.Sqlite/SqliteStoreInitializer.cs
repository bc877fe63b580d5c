using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>Creates the database file and applies migrations when the host starts.</summary>
internal sealed class SqliteStoreInitializer(SqliteStore store) : IStoreInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);
}
