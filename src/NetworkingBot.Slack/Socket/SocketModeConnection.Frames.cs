using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Slack.Socket;

/// <summary>Reading one frame: an envelope to ack, a control frame (hello, disconnect), or something to log and drop.</summary>
internal sealed partial class SocketModeConnection
{
    /// <summary>
    /// Handles one complete frame. Nothing in here may end the receive loop: a frame that cannot be read is logged
    /// (its body only at Debug) and dropped, and acked when its envelope id can be read so Slack stops resending it.
    /// </summary>
    private void OnFrame(ReadOnlyMemory<byte> bytes, CancellationToken stopping)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            logger.LogWarning("Socket {Connection} sent a frame of {Bytes} bytes that is not JSON ({Reason}); dropping it", name, bytes.Length, ex.Message);
            LogBody(bytes);
            return;
        }

        using (document)
        {
            string? id = null;
            try
            {
                id = SocketEnvelope.IdOf(document.RootElement);
                if (SocketEnvelope.From(document.RootElement) is { } envelope)
                {
                    // Off this loop: SQLite's "async" calls run synchronously, so an envelope started inline held
                    // the loop until its claim and command were done, and a burst of 50 was read one at a time.
                    // PreferFairness puts it on the pool's global first-in first-out queue, behind the ones read before
                    // it; from this pool thread it would otherwise go to the thread's own queue, which runs newest first.
                    Track(Task.Factory.StartNew(() => AckAsync(envelope, stopping), CancellationToken.None, TaskCreationOptions.PreferFairness, TaskScheduler.Default).Unwrap());
                    return;
                }

                OnControlFrame(document.RootElement);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Socket {Connection} could not read a frame of {Bytes} bytes (envelope {EnvelopeId}); dropping it", name, bytes.Length, id ?? "none");
                LogBody(bytes);
                if (id is not null)
                {
                    Track(SendAckAsync(id, null));
                }
            }
        }
    }

    private void OnControlFrame(JsonElement frame)
    {
        switch (Interactions.Payload.Text(frame, "type"))
        {
            case "hello":
                logger.LogInformation("Socket {Connection} is ready ({Connections} connections open)", name,
                    frame.TryGetProperty("num_connections", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetRawText() : "?");
                _hello.TrySetResult();
                break;
            case "disconnect":
                var reason = Interactions.Payload.Text(frame, "reason");
                logger.LogInformation("Slack asked socket {Connection} to disconnect: {Reason}", name, reason);
                _end.TrySetResult(reason switch
                {
                    "link_disabled" => ConnectionEndKind.Disabled,
                    // Slack has more sockets for this app than it allows: a replacement now would make it worse.
                    "too_many_websockets" => ConnectionEndKind.TooMany,
                    _ => ConnectionEndKind.Refresh,
                });
                break;
            case var other:
                logger.LogWarning("Socket {Connection} sent a frame without an envelope id (type {Type}); ignoring it", name, other ?? "none");
                LogBody(Encoding.UTF8.GetBytes(frame.GetRawText()));
                break;
        }
    }

    private void LogBody(ReadOnlyMemory<byte> bytes)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // Bodies are member text: never above Debug, and cut short.
            logger.LogDebug("The dropped frame began: {Frame}", Encoding.UTF8.GetString(bytes.Span[..Math.Min(bytes.Length, 2048)]));
        }
    }
}
