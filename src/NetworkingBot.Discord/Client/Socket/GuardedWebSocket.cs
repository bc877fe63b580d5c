using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Discord.Net;
using Discord.Net.WebSockets;
using Microsoft.Extensions.Logging;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>
/// Discord.Net's gateway socket, replaced (<c>DiscordSocketConfig.WebSocketProvider</c>) so that nothing Discord
/// sends reaches Discord.Net unchecked. It keeps Discord.Net's <c>DefaultWebSocketClient</c> contract (a Closed event
/// after a fault or the server's close makes Discord.Net reconnect or resume; DisconnectAsync raises none) and adds:
/// no <c>compress=zlib-stream</c> (every frame is text JSON that can be checked), a cap on each message's size (the
/// message is not buffered past it; the connection is closed with 4000 and the next one starts a new session, since a
/// resume would replay the same message), and <see cref="GatewayFrameCheck"/> on every frame.
/// </summary>
internal sealed partial class GuardedWebSocket(int maxMessageBytes, UnreadableInteractions? unreadable, ReadInteractions? read, ILogger logger) : IWebSocketClient
{
    /// <summary>Ours, like Discord's own 4000 ("unknown error"): Discord lets the session be resumed or a new one identified after it.</summary>
    public const int TooLargeCloseCode = 4000;

    private const int Identify = 2;
    private const int Resume = 6;

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SemaphoreSlim _deliver = new(1, 1);
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly CappedMessageReader _reader = new(maxMessageBytes);
    private ClientWebSocket? _socket;
    private Task? _task;
    private CancellationTokenSource _disconnect = new();
    private CancellationTokenSource? _linked;
    private CancellationToken _parent = CancellationToken.None;
    private CancellationToken _token = CancellationToken.None;
    private bool _disconnecting;
    private int _identifyNext;
    private int _disposed;

    /// <summary>Never raised: compression is not asked for, and a binary frame is dropped rather than inflated.</summary>
    public event Func<byte[], int, int, Task>? BinaryMessage
    {
        add { }
        remove { }
    }

    public event Func<string, Task>? TextMessage;

    public event Func<Exception, Task>? Closed;

    public void SetHeader(string key, string value) => _headers[key] = value;

    public void SetCancelToken(CancellationToken cancelToken)
    {
        _linked?.Dispose();
        _parent = cancelToken;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_parent, _disconnect.Token);
        _token = _linked.Token;
    }

    public async Task ConnectAsync(string host)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await DisconnectInternalAsync(closeCode: 1000, sendClose: true).ConfigureAwait(false);
            _disconnect.Dispose();
            _disconnect = new CancellationTokenSource();
            SetCancelToken(_parent);
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            foreach (var (key, value) in _headers)
            {
                socket.Options.SetRequestHeader(key, value);
            }

            _socket = socket;
            await socket.ConnectAsync(WithoutCompression(new Uri(host)), _token).ConfigureAwait(false);
            _task = RunAsync(socket, _token);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task DisconnectAsync(int closeCode = 1000)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await DisconnectInternalAsync(closeCode, sendClose: true).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task SendAsync(byte[] data, int index, int count, bool isText)
    {
        if (Volatile.Read(ref _identifyNext) == 1 && OpOf(data, index, count) is (Resume or Identify) and var op
            && Interlocked.Exchange(ref _identifyNext, 0) == 1 && op == Resume)
        {
            // The last connection was reset for a message over the cap: resuming would replay it, so Discord.Net is told
            // its session is gone (op 9, not resumable) and identifies afresh. Nothing is sent for the RESUME.
            LogNewSession();
            await DeliverAsync("""{"op":9,"d":false}""").ConfigureAwait(false);
            return;
        }

        try
        {
            await _lock.WaitAsync(_token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (_socket is { } socket)
            {
                await socket.SendAsync(data.AsMemory(index, count), isText ? WebSocketMessageType.Text : WebSocketMessageType.Binary, true, _token).ConfigureAwait(false);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The gateway address without <c>compress=zlib-stream</c>, which Discord.Net appends to the addresses Discord gives it.</summary>
    public static Uri WithoutCompression(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var kept = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("compress=", StringComparison.OrdinalIgnoreCase));
        return new UriBuilder(url) { Query = string.Join('&', kept) }.Uri;
    }

    private async Task RunAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await _reader.ReceiveAsync(socket, cancellationToken).ConfigureAwait(false);
                switch (read.Kind)
                {
                    case SocketReadKind.Closed:
                        throw new WebSocketClosedException((int?)socket.CloseStatus ?? 1000, socket.CloseStatusDescription);
                    case SocketReadKind.TooLarge:
                        LogTooLarge(read.Bytes, maxMessageBytes);
                        Interlocked.Exchange(ref _identifyNext, 1);
                        await CloseQuietlyAsync(socket, TooLargeCloseCode, "message too large").ConfigureAwait(false);
                        throw new WebSocketClosedException(TooLargeCloseCode, "a message over the size cap");
                    case SocketReadKind.Binary:
                        // Compression was not asked for, so a binary frame is nothing Discord.Net should try to inflate.
                        LogBinary(read.Bytes);
                        continue;
                }

                await ReceivedAsync(Encoding.UTF8.GetString(read.Payload.Span), socket).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A disconnect we asked for.
        }
        catch (Exception ex)
        {
            // Not awaited, as in Discord.Net's own client: closing waits for this task.
            _ = OnClosedAsync(ex);
        }
    }

    private async Task ReceivedAsync(string text, ClientWebSocket socket)
    {
        var verdict = GatewayFrameCheck.Check(text);
        switch (verdict.Action)
        {
            case FrameAction.Drop:
                LogDropped(Encoding.UTF8.GetByteCount(text), verdict.Problem!);
                return;
            case FrameAction.Reset:
                LogReset(verdict.Problem!);
                await CloseQuietlyAsync(socket, TooLargeCloseCode, "unreadable frame").ConfigureAwait(false);
                throw new WebSocketClosedException(TooLargeCloseCode, verdict.Problem);
        }

        if (verdict.Problem is { } problem)
        {
            LogNeutralized(problem);
        }

        if (verdict.Unreadable is { } interaction && unreadable is not null)
        {
            unreadable.Answer(interaction);
        }

        if (verdict.Read is { } readable)
        {
            read?.Add(readable);
        }

        await DeliverAsync(verdict.Text).ConfigureAwait(false);
        if (verdict.Read is { } delivered && read?.Take(delivered.Id) is not null && unreadable is not null)
        {
            // Discord.Net raises InteractionCreated before it returns, and the handler takes the reading then: one still
            // here was never raised (a field Discord.Net reads more strictly had the wrong type). The sender is waiting.
            unreadable.Answer(new UnreadableInteraction(delivered.Id, delivered.Token, delivered.Type == InteractionType.Autocomplete, "Discord.Net could not read it"));
        }
    }

    /// <summary>One frame at a time to Discord.Net, whether read from the socket or made up here.</summary>
    private async Task DeliverAsync(string text)
    {
        await _deliver.WaitAsync().ConfigureAwait(false);
        try
        {
            if (TextMessage is { } handler)
            {
                await handler(text).ConfigureAwait(false);
            }
        }
        finally
        {
            _deliver.Release();
        }
    }

    private async Task OnClosedAsync(Exception reason)
    {
        if (_disconnecting)
        {
            return;
        }

        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await DisconnectInternalAsync(1000, sendClose: false).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }

        if (Closed is { } closed)
        {
            await closed(reason).ConfigureAwait(false);
        }
    }

    private async Task DisconnectInternalAsync(int closeCode, bool sendClose)
    {
        _disconnecting = true;
        try
        {
            if (_socket is { } socket)
            {
                if (sendClose)
                {
                    await CloseQuietlyAsync(socket, closeCode, "").ConfigureAwait(false);
                }

                socket.Dispose();
                await _disconnect.CancelAsync().ConfigureAwait(false);
                _socket = null;
            }

            if (_task is { } task)
            {
                await task.ConfigureAwait(false);
                _task = null;
            }
        }
        finally
        {
            _disconnecting = false;
        }
    }

    /// <summary>Best effort: a dead connection cannot take a close frame, and it is torn down next anyway.</summary>
    private static async Task CloseQuietlyAsync(ClientWebSocket socket, int code, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Nothing to do: the connection is already gone or stuck.
        }
    }

    /// <summary>The op of a payload Discord.Net sends (IDENTIFY 2, RESUME 6, ...); null when it cannot be read.</summary>
    private static int? OpOf(byte[] data, int index, int count)
    {
        try
        {
            var reader = new Utf8JsonReader(data.AsSpan(index, count));
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("op", out var op) && op.TryGetInt32(out var code)
                ? code
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _disconnecting = true;
        _socket?.Dispose();
        _disconnect.Cancel();
        _disconnect.Dispose();
        _linked?.Dispose();

        // The semaphores stay undisposed: a read loop or Discord.Net's own teardown may still be waiting on them.
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: dropped a frame of {Bytes} bytes that is no gateway payload: {Problem}")]
    private partial void LogDropped(int bytes, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Problem}; passed on as an empty dispatch, carrying on")]
    private partial void LogNeutralized(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Problem}; reconnecting")]
    private partial void LogReset(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: a message passed {Bytes} bytes (cap {Cap}, Discord:MaxInboundFrameBytes); dropped unread, reconnecting with a new session")]
    private partial void LogTooLarge(long bytes, int cap);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: dropped a binary frame of {Bytes} bytes (compression was not asked for)")]
    private partial void LogBinary(long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: starting a new session instead of resuming, so the oversized message is not replayed")]
    private partial void LogNewSession();
}
