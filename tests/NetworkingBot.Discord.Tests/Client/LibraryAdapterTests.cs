using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Discord.Client;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// The Discord.Net adapter as the host runs it (its own registration, a started host), against the fakes: what stops
/// it for good (returns, with one line), what is a fault (throws, for the supervisor to restart it), and the ready line.
/// </summary>
public sealed class LibraryAdapterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_rejected_token_stops_it_for_good_with_one_line_that_says_what_to_fix()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.RejectToken = true;
        await using var run = Run.Start(rest, gatewayUrl: null);

        await run.Adapter.ExecuteTask!.WaitAsync(Wait);

        Assert.True(run.Adapter.ExecuteTask.IsCompletedSuccessfully);
        Assert.Single(run.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("check Discord__Token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disallowed_intents_stop_it_for_good_without_reconnecting()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));
        await using var run = Run.Start(rest, gateway.Url.ToString());

        await gateway.WaitForOpAsync(FakeDiscordGatewayOps.Identify, timeout: Wait);
        await gateway.CloseAsync(4014);
        await run.Adapter.ExecuteTask!.WaitAsync(Wait);

        Assert.True(run.Adapter.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(1, gateway.ConnectionCount);
        Assert.Contains(run.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("4014", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gateway_address_it_cannot_connect_to_before_any_ready_is_a_fault()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.GatewayUrl = "not a gateway address";
        await using var run = Run.Start(rest, gatewayUrl: null);

        var fault = await Assert.ThrowsAsync<InvalidOperationException>(() => run.Adapter.ExecuteTask!.WaitAsync(Wait));

        Assert.Contains("could not connect", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_no_server_it_logs_the_invite_link_naming_the_application_not_the_bot_user()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));
        gateway.GuildIds.Clear();
        await using var run = Run.Start(rest, gateway.Url.ToString());

        var invite = DiscordInvite.For(rest.ApplicationId).ToString();
        await NetworkingBot.Testing.Eventually.TrueAsync(() => run.Logs.Entries.Any(e => e.Message.Contains("Invite it with", StringComparison.Ordinal)), "the invite line", Wait);

        var line = Assert.Single(run.Logs.Entries, e => e.Message.Contains("Invite it with", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains(invite, line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Logs.Entries, e => e.Message.Contains("Processing READY failed", StringComparison.Ordinal));
    }

    /// <summary>The adapter resolved from its registration in a container with the in-memory core, started as a started host would.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly CoreHarness _core;

        private Run(CoreHarness core, RecordingLoggerProvider logs)
        {
            _core = core;
            Logs = logs;
            Adapter = core.GetService<IEnumerable<IHostedService>>().OfType<BackgroundService>().Single();
        }

        public BackgroundService Adapter { get; }

        public RecordingLoggerProvider Logs { get; }

        public static Run Start(FakeDiscordRest rest, string? gatewayUrl)
        {
            var logs = new RecordingLoggerProvider();
            var settings = new Dictionary<string, string?> { ["Token"] = "test-token", ["ApiBaseUrl"] = rest.ApiBaseUrl.ToString(), ["GatewayUrl"] = gatewayUrl };
            var core = new CoreHarness(extra: services =>
            {
                services.AddLogging(b => b.AddProvider(logs));
                services.AddSingleton<IHostApplicationLifetime, StartedLifetime>();
                services.AddDiscordNetAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            });
            var run = new Run(core, logs);
            _ = run.Adapter.StartAsync(CancellationToken.None);
            return run;
        }

        public async ValueTask DisposeAsync()
        {
            await Adapter.StopAsync(CancellationToken.None);
            await _core.DisposeAsync();
        }
    }

    /// <summary>A host that has started: the adapter takes input at once.</summary>
    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted { get; } = new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
