using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Gateway;

/// <summary>What the connection does with each opcode it receives.</summary>
internal sealed partial class GatewayConnection
{
    private async Task HandleAsync(GatewayFrame frame, GatewaySocket socket, bool resume, CancellationToken stopping, CancellationToken token)
    {
        switch (frame.Op)
        {
            case GatewayOpCode.Hello:
                _heartbeatTask = _heartbeat!.RunAsync(frame.HeartbeatInterval(), token);
                // Off the receive loop: identifying may wait its turn for seconds, and ACKs must keep flowing meanwhile.
                _handshakeTask = resume ? ResumeAsync(socket, token) : IdentifyAsync(socket, token);
                break;
            case GatewayOpCode.Heartbeat:
                await _heartbeat!.BeatAsync(token).ConfigureAwait(false);
                break;
            case GatewayOpCode.HeartbeatAck:
                _heartbeat!.Acknowledge();
                break;
            case GatewayOpCode.Dispatch:
                await OnDispatchAsync(frame, stopping).ConfigureAwait(false);
                break;
            case GatewayOpCode.Reconnect:
                Logger.LogInformation("Shard {ShardId} was asked to reconnect", context.ShardId);
                RequestEnd(new ConnectionEnd(ConnectionEndKind.ResumeNow, "server asked to reconnect"), GatewayCloseCodes.Reconnecting);
                break;
            case GatewayOpCode.InvalidSession:
                var resumable = frame.IsResumable();
                Logger.LogWarning("Shard {ShardId} got INVALID_SESSION (resumable: {Resumable})", context.ShardId, resumable);
                RequestEnd(
                    resumable
                        ? new ConnectionEnd(ConnectionEndKind.ResumeNow, "invalid session, resumable")
                        : new ConnectionEnd(ConnectionEndKind.IdentifyAfterInvalidSession, "invalid session"),
                    GatewayCloseCodes.Reconnecting);
                break;
            default:
                Logger.LogDebug("Shard {ShardId} ignored op {Op}", context.ShardId, (int)frame.Op);
                break;
        }
    }

    private async Task OnDispatchAsync(GatewayFrame frame, CancellationToken stopping)
    {
        shard.RecordSequence(frame.Sequence);
        switch (frame.EventName)
        {
            case "READY":
                var sessionId = frame.Data.GetProperty("session_id").GetString()!;
                var resumeUrl = new Uri(frame.Data.GetProperty("resume_gateway_url").GetString()!);
                shard.StartSession(sessionId, resumeUrl);
                Established = true;
                Logger.LogInformation("Shard {ShardId} is ready (session {SessionId})", context.ShardId, sessionId);
                break;
            case "RESUMED":
                shard.SetStatus(GatewayShardStatus.Ready);
                Established = true;
                Logger.LogInformation("Shard {ShardId} resumed at sequence {Sequence}", context.ShardId, frame.Sequence);
                break;
        }

        var dispatch = new GatewayDispatch(context.ShardId, frame.EventName ?? "", frame.Data, frame.Sequence ?? 0);
        try
        {
            await context.Handler.HandleAsync(dispatch, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // A handler bug must not cost the connection: log it and keep reading.
            Logger.LogError(ex, "Shard {ShardId}: the handler of {EventName} #{Sequence} failed",
                context.ShardId, dispatch.EventName, dispatch.Sequence);
        }
    }

    private async Task IdentifyAsync(GatewaySocket socket, CancellationToken token)
    {
        try
        {
            shard.SetStatus(GatewayShardStatus.Identifying);
            await context.IdentifyScheduler.WaitTurnAsync(context.ShardId, token).ConfigureAwait(false);
            await socket.SendAsync(GatewayPayloads.Identify(context.Token, context.ShardId, context.ShardCount), false, token)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Shard {ShardId} could not identify", context.ShardId);
        }
        catch (OperationCanceledException)
        {
            // The connection ended before our turn came.
        }
    }

    private async Task ResumeAsync(GatewaySocket socket, CancellationToken token)
    {
        try
        {
            shard.SetStatus(GatewayShardStatus.Resuming);
            var (sessionId, sequence) = shard.ReadResumePoint();
            await socket.SendAsync(GatewayPayloads.Resume(context.Token, sessionId, sequence), false, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Shard {ShardId} could not resume", context.ShardId);
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }
}
