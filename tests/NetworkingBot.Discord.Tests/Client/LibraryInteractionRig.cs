using System.Collections.Concurrent;
using System.Text.Json;
using Discord;
using Discord.WebSocket;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Discord.Client;
using NetworkingBot.Discord.Client.Socket;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// The real core (in-memory) behind the adapter's <see cref="LibraryInteractionHandler"/>, subscribed to a real
/// Discord.Net socket client connected to the loopback fakes. Fails on Discord.Net's "Processing READY failed" and
/// "Error handling" lines (see <see cref="AssertHealthy"/>).
/// </summary>
internal sealed class LibraryInteractionRig : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<LogMessage> _log = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LibraryInteractionRig(FakeDiscordRest rest, FakeDiscordGateway gateway, TimeSpan instantWindow, DiscordOptions options, Action<IServiceCollection>? extra)
    {
        Rest = rest;
        Gateway = gateway;
        Core = new CoreHarness(extra: extra);
        var catalog = Core.GetService<CommandCatalog>();
        var renderer = new ReplyRenderer(new DiscordText(catalog), NullLogger<ReplyRenderer>.Instance);
        var answers = new AnswerInTime(TimeProvider.System, NullLogger<AnswerInTime>.Instance);
        var strict = new ReadInteractions();
        Handler = new LibraryInteractionHandler(
            Core.Dispatcher, catalog, new Autocomplete(Core.Store),
            new LibraryReplies(renderer, NullLogger<ReplyRenderer>.Instance),
            new DiscordForms(catalog, TimeProvider.System), Options.Create(options),
            answers, TimeProvider.System, Logger, strict)
        {
            InstantWindow = instantWindow,
        };

        // The gateway as the host reads it: through the guarded socket, which answers unreadable interactions itself.
        Unreadable = new UnreadableInteractions(Options.Create(options), renderer, answers, TimeProvider.System, NullLogger<UnreadableInteractions>.Instance);
        var sockets = new GuardedSockets(Options.Create(options), Unreadable, strict, NullLoggerFactory.Instance);
        Client = DiscordClientFactory.Socket(options, sockets: sockets.Provider);
        Client.Log += m =>
        {
            _log.Enqueue(m);
            return Task.CompletedTask;
        };
        Client.Ready += () =>
        {
            _ready.TrySetResult();
            return Task.CompletedTask;
        };
        Client.InteractionCreated += Handler.OnInteraction;
    }

    public FakeDiscordRest Rest { get; }

    public FakeDiscordGateway Gateway { get; }

    public CoreHarness Core { get; }

    public RecordingLogger<LibraryInteractionHandler> Logger { get; } = new();

    public LibraryInteractionHandler Handler { get; }

    public DiscordSocketClient Client { get; }

    public UnreadableInteractions Unreadable { get; }

    public static string Community => new CommunityId(Platform.Discord, DiscordPayloads.Guild).Key;

    /// <param name="options">Settings beyond the fakes' addresses (organiser roles...); its token and addresses are set here.</param>
    /// <param name="extra">Services added to the core (test-only commands).</param>
    public static async Task<LibraryInteractionRig> StartAsync(
        TimeSpan? instantWindow = null, IEnumerable<string>? organiserRoles = null, DiscordOptions? options = null, Action<IServiceCollection>? extra = null)
    {
        var rest = await FakeDiscordRest.StartAsync();
        var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        options ??= new DiscordOptions();
        options.Token = "test-token";
        options.ApiBaseUrl = rest.ApiBaseUrl;
        options.GatewayUrl = gateway.Url.ToString();
        foreach (var role in organiserRoles ?? [])
        {
            options.OrganiserRoleIds.Add(role);
        }

        var rig = new LibraryInteractionRig(rest, gateway, instantWindow ?? TimeSpan.FromSeconds(1.5), options, extra);
        await rig.Client.LoginAsync(TokenType.Bot, "test-token", validateToken: false);
        await rig.Client.StartAsync();
        var finished = await Task.WhenAny(rig._ready.Task, Task.Delay(Wait));
        rig.AssertHealthy();
        Assert.True(finished == rig._ready.Task, "Discord.Net never became ready. Log:\n" + string.Join('\n', rig._log));
        return rig;
    }

    /// <summary>Dispatches the interaction and returns the first response Discord received for it.</summary>
    public async Task<FakeDiscordRestCall> CallbackOfAsync(JsonElement interaction)
    {
        await Gateway.DispatchAsync("INTERACTION_CREATE", interaction.GetRawText());
        var call = await Rest.WaitForAsync(c => c.Is("POST", $"interactions/{interaction.GetProperty("id").GetString()}/"), Wait);
        AssertHealthy();
        return call;
    }

    /// <summary>Fails on the log lines that mean Discord.Net could not take what it was sent.</summary>
    public void AssertHealthy()
    {
        var broken = _log.Where(m => m.ToString().Contains("Processing READY failed", StringComparison.Ordinal)
            || m.ToString().Contains("Error handling", StringComparison.Ordinal)).ToList();
        Assert.True(broken.Count == 0, "Discord.Net reported a problem:\n" + string.Join('\n', broken));
    }

    public async ValueTask DisposeAsync()
    {
        await Handler.DisposeAsync();
        Unreadable.Dispose();
        await Client.StopAsync();
        await Client.LogoutAsync();
        await Client.DisposeAsync();
        await Core.DisposeAsync();
        await Gateway.DisposeAsync();
        await Rest.DisposeAsync();
    }
}
