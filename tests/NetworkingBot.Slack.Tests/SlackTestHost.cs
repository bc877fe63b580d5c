using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Leases;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Slack.Socket;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// The real command core and the real Slack adapter (from <c>AddSlackAdapter</c>) against the fake Slack server,
/// with the in-memory store. Outbound messages go through the Slack messenger to the fake.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string Community = "slack:T111";
    public const string Organiser = "UORG0001";

    private readonly ServiceProvider _services;
    private readonly IHostedService? _sockets;
    private CapturedLogs _logs = new();

    private SlackTestHost(FakeSlackServer slack, ServiceProvider services, IHostedService? sockets)
    {
        Slack = slack;
        _services = services;
        _sockets = sockets;
    }

    public FakeSlackServer Slack { get; }

    /// <summary>Every log line written so far, formatted.</summary>
    public IReadOnlyList<string> Logs => _logs.Lines;

    public InMemoryStore Store => _services.GetRequiredService<InMemoryStore>();

    public IServiceProvider Services => _services;

    /// <summary>
    /// Completes once the Socket Mode service has returned (link_disabled, a refused token): every slot has stopped,
    /// so no connection can open after it. The explicit signal for "nothing else happened".
    /// </summary>
    public Task SocketsStopped => (_sockets as BackgroundService)?.ExecuteTask ?? Task.CompletedTask;

    public static async Task<SlackTestHost> StartAsync(int connections = 1, bool sockets = true, Action<Dictionary<string, string?>>? configure = null,
        TimeProvider? time = null, Action<FakeSlackServer>? fake = null, ILeaseStore? leases = null, Action<IServiceCollection>? extra = null)
    {
        var slack = await FakeSlackServer.StartAsync(time);
        fake?.Invoke(slack);
        var settings = new Dictionary<string, string?>
        {
            ["AppToken"] = "xapp-1-A111-test",
            ["BotToken"] = "xoxb-test",
            ["ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Connections"] = connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OrganiserUserIds:0"] = Organiser,
            ["ReconnectDelay"] = "00:00:00.100",
        };
        configure?.Invoke(settings);
        var section = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var store = new InMemoryStore();
        var services = new ServiceCollection();
        var logs = new CapturedLogs();
        services.AddLogging(b => b.AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddNetworkingCore();
        services.AddSingleton(store);
        services.AddSingleton<IMemberStore>(store);
        services.AddSingleton<ICoffeeScheduleStore>(store);
        services.AddSingleton<IRoundStore>(store);
        services.AddSingleton<IJobLeadStore, InMemoryJobLeadStore>();
        services.AddSingleton<NetworkingBot.Core.Network.INetworkStore>(new InMemoryNetworkStore());
        services.AddSingleton<IInterviewStore>(new InMemoryInterviewStore());
        services.AddSingleton(leases ?? new InMemoryLeaseStore());
        services.AddSingleton<IRoundScheduler>(new RecordingScheduler());
        services.AddSingleton<IPairingEngine>(new InOrderPairingEngine());
        services.AddSingleton<IMessenger, PlatformMessengers>();
        services.AddSlackAdapter(section);
        extra?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var hosted = sockets ? provider.GetServices<IHostedService>().OfType<SocketModeService>().Single() : null;
        if (hosted is not null)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new SlackTestHost(slack, provider, hosted) { _logs = logs };
    }

    public Task<IReadOnlyList<Member>> MembersAsync() => ((IMemberStore)Store).ListAsync(Community);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Sends an envelope on <paramref name="socket"/> and waits for its ack.</summary>
    public async Task<SlackAck> SendAsync(FakeSlackSocket socket, JsonObject envelope)
    {
        await socket.SendEnvelopeAsync(envelope);
        return await Slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_sockets is not null)
        {
            await _sockets.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await Slack.DisposeAsync();
    }

    /// <summary>The host's router in miniature: picks the platform messenger by the community's platform.</summary>
    private sealed class PlatformMessengers(IEnumerable<IPlatformMessenger> platforms) : IMessenger
    {
        public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
            Find(message.Community).SendAsync(message, cancellationToken);

        public Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
            Find(message.Community).PostAsync(message, cancellationToken);

        public Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken = default) =>
            Find(replacement.Community).EditAsync(postRef, replacement, cancellationToken);

        public bool SupportsGroups(string communityId) => Find(CommunityId.Parse(communityId)).SupportsGroups;

        private IPlatformMessenger Find(CommunityId community) => platforms.Single(p => p.Platform == community.Platform);
    }

    /// <summary>Keeps formatted log lines so tests can check what an operator would read.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => _lines.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner._lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
