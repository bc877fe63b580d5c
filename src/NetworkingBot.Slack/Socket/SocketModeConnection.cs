using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Slack.Socket;

/// <summary>Why a connection stopped being the one to rely on.</summary>
internal enum ConnectionEndKind
{
    /// <summary>Slack asked for a fresh connection (warning or refresh_requested); this one may still deliver a little.</summary>
    Refresh,

    /// <summary>Socket Mode was turned off for the app (link_disabled): stop, do not reconnect.</summary>
    Disabled,

    /// <summary>The socket closed or broke without notice: reconnect with backoff.</summary>
    Dropped,

    /// <summary>Slack said the app has too many sockets open (too_many_websockets): close this one, reconnect with backoff.</summary>
    TooMany,
}

/// <summary>
/// One Socket Mode WebSocket: waits for hello, reads frames, hands each envelope to the processor on its own task
/// and acks it in a finally on this same socket, so no path leaves an envelope unacknowledged. A frame that cannot
/// be read is logged and dropped (acked when its envelope id can be read); a frame over
/// <paramref name="maxFrameBytes"/> resets the connection without being buffered further.
/// </summary>
internal sealed partial class SocketModeConnection(ClientWebSocket socket, string name, EnvelopeProcessor processor, ILogger logger, int maxFrameBytes)
    : IAsyncDisposable
{
    // After a large (but allowed) frame, the buffer shrinks back so an idle connection does not keep megabytes.
    private const int RetainedBuffer = 64 * 1024;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionEndKind> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _inFlight = [];
    private Task _receive = Task.CompletedTask;

    public string Name => name;

    /// <summary>Completes with the first reason this connection should be replaced (or abandoned).</summary>
    public Task<ConnectionEndKind> Ended => _end.Task;

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
        catch (Exception ex)
        {
            // A bug in one connection is logged here and never rethrown into the slot that replaces it.
            logger.LogError(ex, "Socket {Connection} failed", name);
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

                if (message.Length + result.Count > maxFrameBytes)
                {
                    // Nothing Slack sends comes near the cap; stop reading here rather than buffer the rest of it.
                    logger.LogWarning("Socket {Connection} sent a frame over {Limit} bytes; dropping it and resetting the connection", name, maxFrameBytes);
                    socket.Abort();
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    OnFrame(message.GetBuffer().AsMemory(0, (int)message.Length), stopping);
                    message.SetLength(0);
                    if (message.Capacity > RetainedBuffer)
                    {
                        message.Capacity = RetainedBuffer;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            logger.LogInformation("Socket {Connection} dropped: {Reason}", name, ex.Message);
        }
        catch (Exception ex)
        {
            // Not expected (every frame is guarded), but a receive loop that dies must still end as a drop, not a crash.
            logger.LogError(ex, "Socket {Connection} stopped reading after an unexpected error; reconnecting", name);
            socket.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _end.TrySetResult(ConnectionEndKind.Dropped);
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
}
