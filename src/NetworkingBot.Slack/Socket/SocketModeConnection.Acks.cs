using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Slack.Socket;

/// <summary>Acknowledging: every envelope read from this socket is acked on it, in a finally.</summary>
internal sealed partial class SocketModeConnection
{
    private async Task AckAsync(SocketEnvelope envelope, CancellationToken stopping)
    {
        JsonObject? payload = null;
        try
        {
            payload = await processor.ProcessAsync(envelope, stopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Envelope {EnvelopeId} ({Type}) failed", envelope.EnvelopeId, envelope.Type);
        }
        finally
        {
            // Acknowledge first, always: whatever happened above, Slack hears back for this envelope.
            await SendAckAsync(envelope.EnvelopeId, payload).ConfigureAwait(false);
        }
    }

    private async Task SendAckAsync(string envelopeId, JsonObject? payload)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null)
        {
            ack["payload"] = payload;
        }

        var bytes = Encoding.UTF8.GetBytes(ack.ToJsonString());
        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The socket died under us; Slack redelivers what it did not hear about.
            logger.LogWarning("Could not ack envelope {EnvelopeId} on socket {Connection}: {Reason}", envelopeId, name, ex.Message);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _inFlight.Add(task);
        }

        task.ContinueWith(t => { lock (_gate) { _inFlight.Remove(t); } }, TaskScheduler.Default);
    }

    private Task WaitForAcksAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll([.. _inFlight]);
        }
    }
}
