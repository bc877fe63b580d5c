using System.Collections.Concurrent;
using Discord;
using Discord.Net.Rest;
using Discord.WebSocket;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.DiscordNet;

/// <summary>
/// A Discord.Net socket client pointed at the loopback fakes, as the spike configured it: the gateway host used
/// verbatim, REST through the default provider at the fake's base address, Guilds intent only. Every log line is
/// kept; <see cref="AssertHealthy"/> fails a test on "Processing READY failed", after which Discord.Net stays
/// disconnected for good and only logs it.
/// </summary>
internal sealed class DiscordNetProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<LogMessage> _log = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<SocketInteraction> _interactions = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private DiscordNetProbe(DiscordSocketClient client) => Client = client;

    public DiscordSocketClient Client { get; }

    public IReadOnlyList<LogMessage> Log => [.. _log];

    /// <summary>What each interaction is answered with, inline on the gateway task as a minimal bot would.</summary>
    public Func<SocketInteraction, Task> Answer { get; set; } = _ => Task.CompletedTask;

    public static async Task<DiscordNetProbe> StartAsync(FakeDiscordRest rest, FakeDiscordGateway gateway, int? shardId = null, int? totalShards = null)
    {
        var client = new DiscordSocketClient(new DiscordSocketConfig
        {
            GatewayHost = gateway.Url.ToString(),
            RestClientProvider = _ => DefaultRestClientProvider.Create()(rest.ApiBaseUrl.ToString()),
            GatewayIntents = GatewayIntents.Guilds,
            LogLevel = LogSeverity.Debug,
            ShardId = shardId,
            TotalShards = totalShards,
        });
        var probe = new DiscordNetProbe(client);
        client.Log += message =>
        {
            probe._log.Enqueue(message);
            return Task.CompletedTask;
        };
        client.Ready += () =>
        {
            probe._ready.TrySetResult();
            return Task.CompletedTask;
        };
        client.InteractionCreated += async interaction =>
        {
            probe._interactions.Enqueue(interaction);
            probe._arrived.Release();
            await probe.Answer(interaction);
        };

        // The fake's tokens are not Discord-shaped.
        await client.LoginAsync(TokenType.Bot, "test-token", validateToken: false);
        await client.StartAsync();
        return probe;
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_ready.Task, Task.Delay(timeout));
        AssertHealthy();
        Assert.True(finished == _ready.Task, "Discord.Net never became ready. Log:\n" + string.Join('\n', Log));
    }

    /// <summary>The next interaction Discord.Net raised.</summary>
    public async Task<SocketInteraction> NextInteractionAsync(TimeSpan timeout)
    {
        var arrived = await _arrived.WaitAsync(timeout);
        AssertHealthy();
        Assert.True(arrived, "no interaction reached Discord.Net. Log:\n" + string.Join('\n', Log));
        Assert.True(_interactions.TryDequeue(out var interaction));
        return interaction;
    }

    /// <summary>Fails on the log lines that mean the fake said something Discord.Net could not take.</summary>
    public void AssertHealthy()
    {
        // "Error handling Dispatch (X)": a payload Discord.Net could not read, dropped with no event.
        var broken = Log.Where(m => m.ToString().Contains("Processing READY failed", StringComparison.Ordinal)
            || m.ToString().Contains("Error handling", StringComparison.Ordinal)).ToList();
        Assert.True(broken.Count == 0, "Discord.Net reported a problem with what the fake sent:\n" + string.Join('\n', broken));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.StopAsync();
        await Client.LogoutAsync();
        await Client.DisposeAsync();
        _arrived.Dispose();
    }
}
