using NetworkingBot.Core.Commands;

namespace NetworkingBot.Testing.SeveralInstances;

/// <summary>
/// One bot instance in a test: the real core in a container of its own, sharing nothing with another instance but
/// the store, as two processes would.
/// </summary>
public interface ICoreInstance : IAsyncDisposable
{
    /// <summary>Runs a command line as <paramref name="user"/> in the test community.</summary>
    Task<CommandResult> RunAsync(string user, string line, bool organiser = false);

    /// <summary>Runs <paramref name="work"/> in a scope of its own, as each job run gets one in the host.</summary>
    Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work);
}
