using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Testing.FakeSlack;

/// <summary>
/// A loopback Slack: Web API methods that record calls and answer with Slack-shaped bodies (shaped like the
/// fixtures), <c>apps.connections.open</c> handing out WebSocket URLs to itself, a scripted Socket Mode side, and
/// response_url endpoints. Tests can queue 429s and error bodies per method.
/// </summary>
public sealed partial class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Channel<FakeSlackSocket> _sockets = Channel.CreateUnbounded<FakeSlackSocket>();
    private readonly ConcurrentQueue<SlackAck> _acks = new();
    private readonly ConcurrentDictionary<string, long> _sentAt = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SlackResponsePost> _responses = new();
    private readonly ConcurrentQueue<FakeSlackSocket> _opened = new();
    private int _socketCount;
    private string _base = "";

    private FakeSlackServer(TimeProvider clock)
    {
        _clock = clock;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.UseWebSockets();
        _app.Map("/link", AcceptSocketAsync);
        _app.MapPost("/response/{id}", RecordResponseAsync);
        _app.MapPost("/upload/{id}", (HttpContext context, string id) => ReceiveUploadAsync(context, id));
        _app.MapMethods("/api/{method}", ["GET", "POST"], HandleApiAsync);
    }

    /// <summary>Starts a server on a free loopback port. <paramref name="clock"/> stamps recorded calls (default: system clock).</summary>
    public static async Task<FakeSlackServer> StartAsync(TimeProvider? clock = null)
    {
        var server = new FakeSlackServer(clock ?? TimeProvider.System);
        await server._app.StartAsync().ConfigureAwait(false);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._base = address.TrimEnd('/');
        return server;
    }

    /// <summary>The value for SlackOptions.ApiBaseUrl.</summary>
    public Uri ApiBaseUrl => new(_base + "/api/");

    /// <summary>Send each new socket hello as soon as it connects (the usual case).</summary>
    public bool AutoHello { get; set; } = true;

    /// <summary>When set, each new socket is sent this disconnect reason right after hello (a refresh or too_many_websockets storm).</summary>
    public string? DisconnectAfterHello { get; set; }

    /// <summary>How many sockets clients have opened so far.</summary>
    public int SocketsOpened => Volatile.Read(ref _socketCount);

    public IReadOnlyList<SlackAck> Acks => _acks.ToList();

    public IReadOnlyList<SlackResponsePost> ResponsePosts => _responses.ToList();

    /// <summary>A response_url that records what is posted to it under <paramref name="id"/>.</summary>
    public string ResponseUrl(string id) => $"{_base}/response/{Uri.EscapeDataString(id)}";

    public IReadOnlyList<SlackAck> AcksFor(string envelopeId) => Acks.Where(a => a.EnvelopeId == envelopeId).ToList();

    public IReadOnlyList<SlackResponsePost> ResponsesFor(string id) => ResponsePosts.Where(r => r.Id == id).ToList();

    /// <summary>Waits for the client's next socket (hello already sent when <see cref="AutoHello"/>).</summary>
    public async Task<FakeSlackSocket> NextSocketAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _sockets.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
    }

    public Task<SlackAck> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null) =>
        WaitForAsync(() => Acks.FirstOrDefault(a => a.EnvelopeId == envelopeId), timeout, $"an ack of {envelopeId}");

    public Task<SlackResponsePost> WaitForResponseAsync(string id, TimeSpan? timeout = null) =>
        WaitForAsync(() => ResponsePosts.FirstOrDefault(r => r.Id == id), timeout, $"a response_url post {id}");

    public Task<SlackApiCall> WaitForCallAsync(string method, Func<SlackApiCall, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForAsync(() => CallsOf(method).FirstOrDefault(c => match?.Invoke(c) ?? true), timeout, $"a {method} call");

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _opened)
        {
            socket.Drop();
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var socket in _opened)
        {
            socket.Dispose();
        }
    }

    internal void NoteSent(string envelopeId) => _sentAt[envelopeId] = Stopwatch.GetTimestamp();

    internal void NoteAck(string envelopeId, JsonElement? payload, int socket)
    {
        var since = _sentAt.TryGetValue(envelopeId, out var sent) ? Stopwatch.GetElapsedTime(sent) : TimeSpan.Zero;
        _acks.Enqueue(new SlackAck(envelopeId, payload, _clock.GetUtcNow(), since, socket));
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> find, TimeSpan? timeout, string what)
        where T : class
    {
        T? found = null;
        await Eventually.TrueAsync(() => (found = find()) is not null, what, timeout).ConfigureAwait(false);
        return found!;
    }

    private async Task AcceptSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var socket = new FakeSlackSocket(ws, this, Interlocked.Increment(ref _socketCount));
        _opened.Enqueue(socket);
        if (AutoHello)
        {
            await socket.SendHelloAsync(SocketsOpened).ConfigureAwait(false);
        }

        if (DisconnectAfterHello is { } reason)
        {
            await socket.SendDisconnectAsync(reason).ConfigureAwait(false);
        }

        var run = socket.RunAsync();
        await _sockets.Writer.WriteAsync(socket).ConfigureAwait(false);
        await run.ConfigureAwait(false);
    }

    private async Task RecordResponseAsync(HttpContext context, string id)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body).ConfigureAwait(false);
        _responses.Enqueue(new SlackResponsePost(id, body, _clock.GetUtcNow()));
        await context.Response.WriteAsync("ok").ConfigureAwait(false);
    }
}
