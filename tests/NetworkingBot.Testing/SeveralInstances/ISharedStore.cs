using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Testing.SeveralInstances;

/// <summary>
/// A fresh, empty store that several instances use at once (one SQLite file, one Redis key prefix); disposing it
/// removes what the test left behind, after its instances are disposed.
/// </summary>
public interface ISharedStore : IAsyncDisposable
{
    /// <summary>Starts another instance on this store, sending through <paramref name="messenger"/>.</summary>
    ICoreInstance StartInstance(IMessenger messenger, TimeProvider clock);
}
