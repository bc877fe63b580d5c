using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// A Discord gateway on a loopback WebSocket, scripted like Remora's fake transport: it sends HELLO, expects
/// IDENTIFY or RESUME, answers heartbeats, sends READY, and lets a test dispatch events, drop or close the
/// socket, or send RECONNECT and INVALID_SESSION. Sessions outlive their connections: events dispatched while
/// no client is connected are replayed after a RESUME, followed by RESUMED, as Discord does. Several clients
/// (shards) may be connected at once.
/// </summary>
public sealed partial class FakeDiscordGateway : IAsyncDisposable
{
    private WebApplication _app;
    private readonly FakeDiscordGatewayRecorder<FakeDiscordGatewayFrame> _received = new();
    private readonly FakeDiscordGatewayRecorder<FakeDiscordGatewayClosed> _closed = new();
    private readonly List<FakeDiscordGatewayConnection> _connections = [];
    private readonly Dictionary<string, FakeDiscordGatewaySession> _sessions = [];
    private readonly Dictionary<int, FakeDiscordGatewaySession> _currentSessionByShard = [];
    private int _nextConnectionId;

    private FakeDiscordGateway(WebApplication app) => _app = app;

    /// <summary>The gateway URL to hand the client (as <c>GET /gateway/bot</c> would), e.g. <c>ws://127.0.0.1:PORT/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The <c>resume_gateway_url</c> sent in READY: the same server under <c>/resume</c>, so tests can tell them apart.</summary>
    public Uri ResumeUrl => new(Url, "resume");

    /// <summary>The interval sent in HELLO to new connections.</summary>
    public TimeSpan HeartbeatInterval { get; set; }

    /// <summary>When false, heartbeats are recorded but not acknowledged, so the client sees a zombied connection.</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>
    /// The guilds the bot is in (<see cref="DiscordPayloads.Guild"/> unless a test changes it before clients connect):
    /// listed in each shard's READY as unavailable, then sent whole as GUILD_CREATE, as Discord does.
    /// </summary>
    public IList<string> GuildIds { get; } = [DiscordPayloads.Guild];

    /// <summary>Every payload clients sent, in arrival order.</summary>
    public IReadOnlyList<FakeDiscordGatewayFrame> Received => _received.Snapshot();

    /// <summary>Every connection that ended, with the client's close code.</summary>
    public IReadOnlyList<FakeDiscordGatewayClosed> Closed => _closed.Snapshot();

    /// <summary>How many WebSocket connections clients opened so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _nextConnectionId);

    /// <summary>Starts the fake on 127.0.0.1 with a free port.</summary>
    public static async Task<FakeDiscordGateway> StartAsync(TimeSpan heartbeatInterval)
    {
        var gateway = new FakeDiscordGateway(null!) { HeartbeatInterval = heartbeatInterval };
        gateway._app = await gateway.ServeAsync(0).ConfigureAwait(false);
        var address = gateway._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        gateway.Url = new UriBuilder(address) { Scheme = "ws", Path = "/" }.Uri;
        return gateway;
    }

    /// <summary>
    /// A restart of the gateway server: every socket dropped, nothing listening for <paramref name="down"/> (connections
    /// are refused), then the same address again with every earlier session forgotten, so a RESUME is answered
    /// INVALID_SESSION and the client identifies afresh.
    /// </summary>
    public async Task RestartAsync(TimeSpan down)
    {
        lock (_sessions)
        {
            foreach (var session in _sessions.Values)
            {
                session.Resumable = false;
            }
        }

        await StopServingAsync().ConfigureAwait(false);
        await Task.Delay(down).ConfigureAwait(false);
        _app = await ServeAsync(Url.Port).ConfigureAwait(false);
    }

    private async Task<WebApplication> ServeAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{port}");
        app.UseWebSockets();
        app.Run(AcceptAsync);
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    private async Task StopServingAsync()
    {
        // Long-lived WebSocket requests would hold a graceful shutdown for its full timeout.
        foreach (var connection in OpenConnections(null))
        {
            connection.Drop();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for the <paramref name="count"/>-th received payload with opcode <paramref name="op"/>.</summary>
    public Task<FakeDiscordGatewayFrame> WaitForOpAsync(int op, int count = 1, TimeSpan? timeout = null) =>
        _received.WaitAsync(f => f.Op == op, count, timeout, $"op {op}");

    /// <summary>Waits for the <paramref name="count"/>-th received payload matching <paramref name="match"/>.</summary>
    public Task<FakeDiscordGatewayFrame> WaitForAsync(Func<FakeDiscordGatewayFrame, bool> match, int count = 1, TimeSpan? timeout = null) =>
        _received.WaitAsync(match, count, timeout, "a matching payload");

    /// <summary>Waits for the <paramref name="count"/>-th connection to end.</summary>
    public Task<FakeDiscordGatewayClosed> WaitForClosedAsync(int count = 1, TimeSpan? timeout = null) =>
        _closed.WaitAsync(_ => true, count, timeout, "a closed connection");

    /// <summary>
    /// Dispatches an event to the current session of <paramref name="shardId"/> (every shard when null) and
    /// returns its sequence. Without a connected client it is kept for replay after a RESUME.
    /// </summary>
    public async Task<int> DispatchAsync(string eventName, string dataJson, int? shardId = null)
    {
        var sessions = CurrentSessions(shardId);
        if (sessions.Count == 0)
        {
            throw new InvalidOperationException("No session yet: wait for an IDENTIFY before dispatching.");
        }

        var sequence = 0;
        foreach (var session in sessions)
        {
            sequence = await session.DispatchAsync(eventName, dataJson).ConfigureAwait(false);
        }

        return sequence;
    }

    /// <summary>Aborts the sockets of <paramref name="shardId"/> (all when null) with no close frame.</summary>
    public Task DropAsync(int? shardId = null)
    {
        foreach (var connection in OpenConnections(shardId))
        {
            connection.Drop();
        }

        return Task.CompletedTask;
    }

    /// <summary>Closes the sockets of <paramref name="shardId"/> (all when null) with a close code, e.g. 4004.</summary>
    public Task CloseAsync(int code, int? shardId = null) =>
        Task.WhenAll(OpenConnections(shardId).Select(c => c.CloseAsync(code)));

    /// <summary>
    /// Sends <paramref name="payload"/> as it is, outside any session (never replayed): for payloads Discord would
    /// never send, such as broken JSON or fields of the wrong type.
    /// </summary>
    public Task SendRawAsync(string payload, int? shardId = null) =>
        Task.WhenAll(OpenConnections(shardId).Select(c => c.SendAsync(payload)));

    /// <summary>Sends one text message of <paramref name="bytes"/> bytes in pieces, outside any session (never replayed).</summary>
    public Task SendLargeAsync(long bytes, int? shardId = null) =>
        Task.WhenAll(OpenConnections(shardId).Select(c => c.SendLargeAsync(bytes)));

    /// <summary>Sends op 7 RECONNECT.</summary>
    public Task SendReconnectAsync(int? shardId = null) =>
        Task.WhenAll(OpenConnections(shardId).Select(c => c.SendAsync("""{"op":7,"d":null,"s":null,"t":null}""")));

    /// <summary>Sends op 1: the client must heartbeat at once.</summary>
    public Task SendHeartbeatRequestAsync(int? shardId = null) =>
        Task.WhenAll(OpenConnections(shardId).Select(c => c.SendAsync("""{"op":1,"d":null,"s":null,"t":null}""")));

    /// <summary>Sends op 9 INVALID_SESSION; with <paramref name="resumable"/> false the session can no longer be resumed.</summary>
    public Task SendInvalidSessionAsync(bool resumable, int? shardId = null)
    {
        var targets = OpenConnections(shardId);
        foreach (var session in targets.Select(c => c.Session).OfType<FakeDiscordGatewaySession>())
        {
            session.Resumable &= resumable;
        }

        var json = resumable ? """{"op":9,"d":true,"s":null,"t":null}""" : """{"op":9,"d":false,"s":null,"t":null}""";
        return Task.WhenAll(targets.Select(c => c.SendAsync(json)));
    }

    public async ValueTask DisposeAsync()
    {
        await StopServingAsync().ConfigureAwait(false);
        lock (_sessions)
        {
            foreach (var session in _sessions.Values)
            {
                session.Dispose();
            }
        }
    }

    private async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var connection = new FakeDiscordGatewayConnection(Interlocked.Increment(ref _nextConnectionId), http, socket, this,
            zlibStream: http.Request.Query["compress"] == "zlib-stream");
        lock (_connections)
        {
            _connections.Add(connection);
        }

        await connection.RunAsync().ConfigureAwait(false);
    }
}
