using NetworkingBot.Core.Abstractions;
using NetworkingBot.Testing.SeveralInstances;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>The job sweep and interview steps fire once with two instances on one SQLite file.</summary>
public sealed class SqliteScheduledWorkOnceTests() : ScheduledWorkOnceTests(new SharedFile())
{
    /// <summary>One file in a temporary directory of its own, deleted once both instances are gone.</summary>
    private sealed class SharedFile : ISharedStore
    {
        private readonly TempDatabase _database = new();

        public ICoreInstance StartInstance(IMessenger messenger, TimeProvider clock) =>
            new SqliteCoreInstance(_database.PathOf(), messenger, clock);

        public ValueTask DisposeAsync()
        {
            _database.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
