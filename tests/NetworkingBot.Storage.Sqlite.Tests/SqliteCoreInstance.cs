using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.SeveralInstances;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>
/// One bot instance on a SQLite file: the real core and every store port (leases included) through
/// <c>AddSqliteStore</c>, in a container of its own, so two of them share nothing but the file, as two processes would.
/// </summary>
internal sealed class SqliteCoreInstance : ICoreInstance
{
    private readonly ServiceProvider _provider;

    public SqliteCoreInstance(string path, IMessenger messenger, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddNetworkingCore();
        services.AddSqliteStore(o => o.Path = path);
        services.AddSingleton(messenger);
        services.AddSingleton<IRoundScheduler>(new RecordingScheduler());
        services.AddSingleton<IPairingEngine>(new InOrderPairingEngine());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public Task<CommandResult> RunAsync(string user, string line, bool organiser = false) =>
        _provider.GetRequiredService<CommandDispatcher>().DispatchAsync(CoreHarness.Context(user, organiser), line);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        var store = _provider.GetRequiredService<SqliteStore>();
        await _provider.DisposeAsync();
        store.ReleaseConnections();
    }
}
