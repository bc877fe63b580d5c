using System.Net.WebSockets;
using System.Text.Json;
using Discord.Net.WebSockets;
using Microsoft.Extensions.Logging;

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
}
