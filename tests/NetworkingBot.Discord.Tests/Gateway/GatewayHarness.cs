using Microsoft.Extensions.Options;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Gateway;

/// <summary>
/// A <see cref="GatewayClient"/> connected to a <see cref="FakeDiscordGateway"/> over loopback, with delays
/// shrunk to milliseconds. The default heartbeat interval is long so only the heartbeat tests see beats.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "test-token";

    private GatewayHarness(FakeDiscordGateway fake, GatewayClient client, RecordingDispatchHandler handler, RecordingLoggerFactory logs)
    {
        Fake = fake;
        Client = client;
        Handler = handler;
        Logs = logs;
    }

    public FakeDiscordGateway Fake { get; }

    public GatewayClient Client { get; }

    public RecordingDispatchHandler Handler { get; }

    public RecordingLoggerFactory Logs { get; }

    public GatewayShardState Shard => Client.Shards.Single();

    public static readonly GatewaySettings FastSettings = new()
    {
        BackoffInitial = TimeSpan.FromMilliseconds(50),
        BackoffMax = TimeSpan.FromMilliseconds(400),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(50),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(150),
        IdentifyWindow = TimeSpan.FromMilliseconds(50),
        CloseTimeout = TimeSpan.FromSeconds(1),
    };

    public static async Task<GatewayHarness> StartAsync(
        TimeSpan? heartbeatInterval = null,
        int recommendedShards = 1,
        int maxConcurrency = 1,
        GatewaySettings? settings = null,
        int maxInboundFrameBytes = DiscordOptions.DefaultMaxInboundFrameBytes)
    {
        var fake = await FakeDiscordGateway.StartAsync(heartbeatInterval ?? TimeSpan.FromSeconds(30));
        // These tests count and sequence the frames one session carries: a bot in no guild gets no GUILD_CREATE to count.
        fake.GuildIds.Clear();
        var options = Options.Create(new DiscordOptions { Token = Token, MaxInboundFrameBytes = maxInboundFrameBytes });
        var info = new StaticGatewayInfo(new GatewayBotInfo(fake.Url, recommendedShards,
            new SessionStartLimit(1000, 999, TimeSpan.FromHours(20), maxConcurrency)));
        var handler = new RecordingDispatchHandler();
        var logs = new RecordingLoggerFactory();
        var client = new GatewayClient(options, info, handler, TimeProvider.System, logs, settings ?? FastSettings, () => 0.5);
        var harness = new GatewayHarness(fake, client, handler, logs);
        await client.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Starts and waits until the client identified and received READY.</summary>
    public static async Task<GatewayHarness> ReadyAsync(TimeSpan? heartbeatInterval = null)
    {
        var harness = await StartAsync(heartbeatInterval);
        await harness.Handler.WaitForAsync("READY");
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Client.StopAsync(timeout.Token);
        Client.Dispose();
        await Fake.DisposeAsync();
    }
}
