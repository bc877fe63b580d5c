using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Leases;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// The real command core wired to in-memory fakes: one store for all three ports, a lease store, a recording
/// messenger and scheduler, a fake clock and (unless given another) the in-order pairing engine.
/// </summary>
public sealed class CoreHarness : IAsyncDisposable, IDisposable
{
    public const string Community = "console:test";
    public const string Channel = "general";

    /// <summary>Wednesday 4 March 2026, 12:00 UTC: a plain weekday away from any DST change.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;
    private readonly List<AsyncServiceScope> _scopes = [];

    public CoreHarness(IPairingEngine? engine = null, DateTimeOffset? start = null, Action<CoffeeOptions>? configure = null, Action<IServiceCollection>? extra = null)
    {
        Clock = new FakeTimeProvider(start ?? DefaultStart);
        Leases = new InMemoryLeaseStore(Clock);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddNetworkingCore();
        services.AddSingleton(Store);
        services.AddSingleton<IMemberStore>(Store);
        services.AddSingleton<ICoffeeScheduleStore>(Store);
        services.AddSingleton<IRoundStore>(Store);
        services.AddSingleton<IInterviewStore>(new InMemoryInterviewStore());
        services.AddSingleton<IMessenger>(Messenger);
        services.AddSingleton<IRoundScheduler>(Scheduler);
        services.AddSingleton<IJobLeadStore, InMemoryJobLeadStore>();
        services.AddSingleton<NetworkingBot.Core.Network.INetworkStore>(new InMemoryNetworkStore());
        services.AddSingleton<ILeaseStore>(Leases);
        services.AddSingleton(engine ?? new InOrderPairingEngine());

        // No real-time wait before re-sending a message the platform lacks; IntentBeforeSendTests turn it on.
        services.Configure<CoffeeOptions>(o => o.ResendGrace = TimeSpan.Zero);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        extra?.Invoke(services);

        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        Dispatcher = _provider.GetRequiredService<CommandDispatcher>();
    }

    public InMemoryStore Store { get; } = new();

    public RecordingMessenger Messenger { get; } = new();

    public RecordingScheduler Scheduler { get; } = new();

    public FakeTimeProvider Clock { get; }

    public InMemoryLeaseStore Leases { get; }

    public CommandDispatcher Dispatcher { get; }

    /// <summary>Runs a command line as <paramref name="user"/> (display name = user id) in the test community.</summary>
    public Task<CommandResult> RunAsync(string user, string line, bool organiser = false) =>
        Dispatcher.DispatchAsync(Context(user, organiser), line);

    public static CommandContext Context(string user, bool organiser = false, string community = Community) =>
        new(CommunityId.Parse(community), Channel, new UserRef(user, user), organiser);

    /// <summary>
    /// Resolves a service; scoped ones (RoundService, CheckInService) come from a fresh scope per call,
    /// disposed with the harness, just as each job run gets its own scope in the host.
    /// </summary>
    public T GetService<T>()
        where T : notnull
    {
        var scope = _provider.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }

        await _provider.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }

        _provider.Dispose();
    }
}
