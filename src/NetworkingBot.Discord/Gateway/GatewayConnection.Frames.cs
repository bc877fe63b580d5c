using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Gateway;

/// <summary>What the connection does with each opcode it receives.</summary>
internal sealed partial class GatewayConnection
{
    private async Task HandleAsync(GatewayFrame frame, GatewaySocket socket, bool resume, CancellationToken stopping, CancellationToken token)
    {
        switch (frame.Op)
        {
            case GatewayOpCode.Hello when frame.HeartbeatInterval() is { } interval:
                _heartbeatTask = _heartbeat!.RunAsync(interval, token);
                // Off the receive loop: identifying may wait its turn for seconds, and ACKs must keep flowing meanwhile.
                _handshakeTask = resume ? ResumeAsync(socket, token) : IdentifyAsync(socket, token);
                break;
            case GatewayOpCode.Hello:
                // Without an interval there is no heartbeat, and Discord would drop the connection anyway: try a fresh one.
                Logger.LogWarning("Shard {ShardId} got a HELLO without a readable heartbeat_interval; reconnecting", context.ShardId);
                RequestEnd(new ConnectionEnd(ConnectionEndKind.ResumeAfterBackoff, "unreadable HELLO"), GatewayCloseCodes.Reconnecting);
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

    /// <summary>
    /// A payload that is not a gateway frame (bad JSON, a non-integer op or sequence) is logged, without its body,
    /// and dropped: one bad frame must not cost the connection.
    /// </summary>
    private GatewayFrame? ParseOrDrop(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return GatewayFrame.Parse(utf8);
        }
        catch (JsonException ex)
        {
            Logger.LogWarning("Shard {ShardId} dropped an unreadable payload of {Bytes} bytes: {Reason}", context.ShardId, utf8.Length, ex.Message);
            return null;
        }
    }

    private async Task OnDispatchAsync(GatewayFrame frame, CancellationToken stopping)
    {
        shard.RecordSequence(frame.Sequence);
        switch (frame.EventName)
        {
            case "READY":
                Established = true;
                if (ReadSession(frame.Data) is not { } session)
                {
                    // The connection works, but without a session to resume the next drop identifies afresh.
                    shard.SetStatus(GatewayShardStatus.Ready);
                    Logger.LogWarning("Shard {ShardId}: READY #{Sequence} had no readable session_id and resume_gateway_url; carrying on", context.ShardId, frame.Sequence);
                    return;
                }

                shard.StartSession(session.Id, session.ResumeUrl);
                Logger.LogInformation("Shard {ShardId} is ready (session {SessionId})", context.ShardId, session.Id);
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

    private static (string Id, Uri ResumeUrl)? ReadSession(JsonElement ready) =>
        ready.ValueKind == JsonValueKind.Object
        && ready.TryGetProperty("session_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } sessionId
        && ready.TryGetProperty("resume_gateway_url", out var url) && url.ValueKind == JsonValueKind.String
        && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var resumeUrl)
            ? (sessionId, resumeUrl)
            : null;

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
