using System.Net.WebSockets;
using NetworkingBot.Discord.Client.Socket;

namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection to the gateway: assembles messages that span several frames, serialises sends
/// (a WebSocket allows one at a time) and passes each send through the connection's rate limit.
/// </summary>
internal sealed class GatewaySocket(GatewaySendLimiter limiter, TimeSpan closeTimeout, int maxMessageBytes = DiscordOptions.DefaultMaxInboundFrameBytes) : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CappedMessageReader _reader = new(maxMessageBytes);

    /// <summary>The close code the server sent, once it closed the connection.</summary>
    public int? CloseCode => (int?)_socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    /// <summary>Opens <c>{url}?v=10&amp;encoding=json</c>.</summary>
    public Task ConnectAsync(Uri gatewayUrl, CancellationToken cancellationToken) =>
        _socket.ConnectAsync(WithQuery(gatewayUrl), cancellationToken);

    /// <summary>The gateway address with the version and encoding this client speaks.</summary>
    public static Uri WithQuery(Uri gatewayUrl) => new UriBuilder(gatewayUrl) { Query = "v=10&encoding=json" }.Uri;

    /// <summary>Reads one whole message; one over the cap is given up unread beyond it (see <see cref="CappedMessageReader"/>).</summary>
    public Task<SocketRead> ReceiveAsync(CancellationToken cancellationToken) => _reader.ReceiveAsync(_socket, cancellationToken);

    /// <summary>Sends one payload once the rate limit allows it; heartbeats may use the reserved tokens.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> payload, bool isHeartbeat, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(isHeartbeat, cancellationToken).ConfigureAwait(false);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends a close frame without waiting for the answer (the receive loop reads it). Best effort: a dead
    /// connection cannot take a close frame, and whoever calls this tears the socket down anyway.
    /// </summary>
    public async Task SendCloseAsync(int code, string reason)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(closeTimeout);
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Nothing to do: the connection is already gone or stuck, and it is torn down next.
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
