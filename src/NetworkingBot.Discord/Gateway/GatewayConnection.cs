using Microsoft.Extensions.Logging;
using NetworkingBot.Discord.Client.Socket;

namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// One socket's life: HELLO, heartbeats, IDENTIFY or RESUME, dispatches, until it ends in a
/// <see cref="ConnectionEnd"/> that tells the shard how to go on. Ending on our side always sends a close
/// frame first (1000 only when stopping, which ends the session) and waits a moment for the server's answer.
/// </summary>
internal sealed partial class GatewayConnection(ShardContext context, GatewayShard shard) : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private GatewaySocket? _socket;
    private GatewayHeartbeat? _heartbeat;
    private ConnectionEnd? _end;
    private Task _heartbeatTask = Task.CompletedTask;
    private Task _handshakeTask = Task.CompletedTask;
    private Task _closeTask = Task.CompletedTask;

    /// <summary>True once READY or RESUMED arrived: the connection worked, so backoff starts over.</summary>
    public bool Established { get; private set; }

    private ILogger Logger => context.Logger;

    public async Task<ConnectionEnd> RunAsync(Uri url, bool resume, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _cts.Token);
        var token = linked.Token;
        var settings = context.Settings;
        var limiter = new GatewaySendLimiter(settings.SendLimit, settings.SendWindow, settings.HeartbeatReserve, context.Time);
        using var socket = new GatewaySocket(limiter, settings.CloseTimeout, context.MaxInboundFrameBytes);
        try
        {
            Logger.LogInformation("Shard {ShardId} connecting to {GatewayUrl} to {Action}",
                context.ShardId, url, resume ? "RESUME" : "IDENTIFY"); // the gateway opcodes, as Discord names them
            await socket.ConnectAsync(url, token).ConfigureAwait(false);
            _heartbeat = new GatewayHeartbeat(socket, context, shard.ReadSequence,
                () => RequestEnd(new ConnectionEnd(ConnectionEndKind.ResumeNow, "no heartbeat ACK"), GatewayCloseCodes.Reconnecting));
            Volatile.Write(ref _socket, socket);
            return await ReceiveLoopAsync(socket, resume, stopping, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _end) is { } end)
        {
            return end;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return new ConnectionEnd(ConnectionEndKind.Stopped, "stopped");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Network errors, a refused connection, a malformed frame: all are worth another try.
            Logger.LogWarning(ex, "Shard {ShardId} lost its connection", context.ShardId);
            return Volatile.Read(ref _end) ?? new ConnectionEnd(ConnectionEndKind.ResumeAfterBackoff, ex.Message);
        }
        finally
        {
            await _cts.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_heartbeatTask, _handshakeTask, _closeTask).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the connection from our side; the first request wins.</summary>
    public void RequestEnd(ConnectionEnd end, int closeCode)
    {
        if (Interlocked.CompareExchange(ref _end, end, null) is not null)
        {
            return;
        }

        var socket = Volatile.Read(ref _socket);
        try
        {
            if (socket is null)
            {
                _cts.Cancel();
                return;
            }

            _closeTask = CloseThenCancelAsync(socket, closeCode, end.Reason);
        }
        catch (ObjectDisposedException)
        {
            // A stop that raced with the end of this connection: it is over already.
        }
    }

    private async Task CloseThenCancelAsync(GatewaySocket socket, int closeCode, string reason)
    {
        await socket.SendCloseAsync(closeCode, reason).ConfigureAwait(false);
        try
        {
            // The receive loop ends when the server answers the close; a zombied server never does.
            _cts.CancelAfter(context.Settings.CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile.
        }
    }

    private async Task<ConnectionEnd> ReceiveLoopAsync(GatewaySocket socket, bool resume, CancellationToken stopping, CancellationToken token)
    {
        while (true)
        {
            var received = await socket.ReceiveAsync(token).ConfigureAwait(false);
            switch (received.Kind)
            {
                case SocketReadKind.Closed:
                    return await OnServerCloseAsync(socket).ConfigureAwait(false);
                case SocketReadKind.TooLarge:
                    return await OnTooLargeAsync(socket, received.Bytes).ConfigureAwait(false);
            }

            if (Volatile.Read(ref _end) is not null)
            {
                // Closing: whatever else arrives is replayed on resume, since the sequence did not move.
                continue;
            }

            if (ParseOrDrop(received.Payload) is { } frame)
            {
                await HandleAsync(frame, socket, resume, stopping, token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A message over the cap is dropped and the connection reset. The shard starts a new session rather than
    /// resuming: a resume would replay that same message, and the connection would be reset again and again.
    /// </summary>
    private async Task<ConnectionEnd> OnTooLargeAsync(GatewaySocket socket, long bytesRead)
    {
        Logger.LogWarning("Shard {ShardId} dropped an inbound message over the {MaxBytes}-byte cap (gave up after {Bytes} bytes); reconnecting",
            context.ShardId, context.MaxInboundFrameBytes, bytesRead);
        var end = new ConnectionEnd(ConnectionEndKind.IdentifyAfterBackoff, "inbound message over the size cap");
        if (Interlocked.CompareExchange(ref _end, end, null) is { } earlier)
        {
            return earlier;
        }

        await socket.SendCloseAsync(GatewayCloseCodes.Reconnecting, "message too large").ConfigureAwait(false);
        return end;
    }

    private async Task<ConnectionEnd> OnServerCloseAsync(GatewaySocket socket)
    {
        if (Volatile.Read(ref _end) is { } requested)
        {
            return requested;
        }

        var code = socket.CloseCode;
        await socket.SendCloseAsync(code ?? GatewayCloseCodes.Normal, "closed by server").ConfigureAwait(false);
        var reason = $"server closed with {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"} {socket.CloseDescription}".TrimEnd();
        return GatewayCloseCodes.Classify(code) switch
        {
            CloseAction.Fatal => new ConnectionEnd(ConnectionEndKind.Fatal, GatewayCloseCodes.FatalReason(code!.Value), code),
            CloseAction.Reidentify => new ConnectionEnd(ConnectionEndKind.IdentifyAfterBackoff, reason, code),
            _ => new ConnectionEnd(ConnectionEndKind.ResumeAfterBackoff, reason, code),
        };
    }

    public void Dispose() => _cts.Dispose();
}
