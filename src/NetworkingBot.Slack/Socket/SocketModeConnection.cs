using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Slack.Socket;

/// <summary>Why a connection stopped being the one to rely on.</summary>
internal enum ConnectionEnd
{
    /// <summary>Slack asked for a fresh connection (warning or refresh_requested); this one may still deliver a little.</summary>
    Refresh,

    /// <summary>Socket Mode was turned off for the app (link_disabled): stop, do not reconnect.</summary>
    Disabled,

    /// <summary>The socket closed or broke without notice: reconnect with backoff.</summary>
    Dropped,
}

/// <summary>
/// One Socket Mode WebSocket: waits for hello, reads frames, hands each envelope to the processor on its own task
/// and acks it in a finally on this same socket, so no path leaves an envelope unacknowledged.
/// </summary>
internal sealed partial class SocketModeConnection(ClientWebSocket socket, string name, EnvelopeProcessor processor, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionEnd> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _inFlight = [];
    private Task _receive = Task.CompletedTask;

    public string Name => name;

    /// <summary>Completes with the first reason this connection should be replaced (or abandoned).</summary>
    public Task<ConnectionEnd> Ended => _end.Task;

    /// <summary>Completes when the socket has closed and every envelope read from it has been acked (or could not be).</summary>
    public Task Completion => _receive;

    /// <summary>Starts reading and waits for Slack's hello, which means envelopes may now arrive.</summary>
    public async Task StartAsync(TimeSpan helloTimeout, CancellationToken stopping)
    {
        _receive = ReceiveLoopAsync(stopping);
        await Task.WhenAny(_hello.Task, _end.Task).WaitAsync(helloTimeout, stopping).ConfigureAwait(false);
        if (!_hello.Task.IsCompleted)
        {
            throw new WebSocketException($"Socket Mode connection {name} closed before hello.");
        }
    }

    /// <summary>Closes politely once the envelopes already read are acked.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        await WaitForAcksAsync().ConfigureAwait(false);
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketException ex)
            {
                logger.LogDebug(ex, "Socket {Connection} was already gone when closing", name);
            }
        }

        // Give Slack a moment to answer the close so the receive loop ends cleanly.
        await Task.WhenAny(_receive, Task.Delay(TimeSpan.FromSeconds(2), cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        socket.Abort();
        try
        {
            await _receive.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug(ex, "Socket {Connection} ended with an error", name);
        }

        socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken stopping)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), stopping).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    OnFrame(message.ToArray(), stopping);
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            logger.LogInformation("Socket {Connection} dropped: {Reason}", name, ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _end.TrySetResult(ConnectionEnd.Dropped);
        }

        await WaitForAcksAsync().ConfigureAwait(false);
        if (socket.State == WebSocketState.CloseReceived)
        {
            // Finish the close handshake Slack started, now that every ack is out.
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
            }
            catch (WebSocketException ex)
            {
                logger.LogDebug(ex, "Socket {Connection} was already gone when answering its close", name);
            }
        }
    }

    private void OnFrame(byte[] bytes, CancellationToken stopping)
    {
        JsonElement frame;
        try
        {
            frame = JsonSerializer.Deserialize<JsonElement>(bytes);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Socket {Connection} sent a frame that is not JSON", name);
            return;
        }

        if (SocketEnvelope.From(frame) is { } envelope)
        {
            Track(AckAsync(envelope, stopping));
            return;
        }

        switch (Interactions.Payload.Text(frame, "type"))
        {
            case "hello":
                logger.LogInformation("Socket {Connection} is ready ({Connections} connections open)", name,
                    frame.TryGetProperty("num_connections", out var n) ? n.ToString() : "?");
                _hello.TrySetResult();
                break;
            case "disconnect":
                var reason = Interactions.Payload.Text(frame, "reason");
                logger.LogInformation("Slack asked socket {Connection} to disconnect: {Reason}", name, reason);
                _end.TrySetResult(reason == "link_disabled" ? ConnectionEnd.Disabled : ConnectionEnd.Refresh);
                break;
        }
    }
}
