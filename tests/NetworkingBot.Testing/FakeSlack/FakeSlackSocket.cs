using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Testing.FakeSlack;

/// <summary>
/// The server end of one Socket Mode connection: scripts hello, envelopes and disconnects, and records acks with
/// the time since their envelope went out, so tests can hold the client to Slack's 3-second rule.
/// </summary>
public sealed class FakeSlackSocket : IDisposable
{
    private readonly WebSocket _socket;
    private readonly FakeSlackServer _server;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeSlackSocket(WebSocket socket, FakeSlackServer server, int number)
    {
        _socket = socket;
        _server = server;
        Number = number;
    }

    /// <summary>1 for the first connection the client opened, 2 for the next, and so on.</summary>
    public int Number { get; }

    /// <summary>Completes when the connection is gone, however it ended.</summary>
    public Task Closed => _closed.Task;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public IReadOnlyList<SlackAck> Acks => _server.Acks.Where(a => a.Socket == Number).ToList();

    public Task SendHelloAsync(int connections = 1) => SendAsync(new JsonObject
    {
        ["type"] = "hello",
        ["num_connections"] = connections,
        ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["build_number"] = 10, ["approximate_connection_time"] = 18060 },
        ["connection_info"] = new JsonObject { ["app_id"] = "A111" },
    });

    /// <summary>Sends an envelope and notes when, for the ack's <see cref="SlackAck.SinceSent"/>.</summary>
    public Task SendEnvelopeAsync(JsonObject envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        _server.NoteSent(envelope["envelope_id"]!.GetValue<string>());
        return SendAsync(envelope);
    }

    /// <summary>A disconnect frame: "warning", "refresh_requested" or "link_disabled".</summary>
    public Task SendDisconnectAsync(string reason) => SendAsync(new JsonObject
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = "wss-111.slack.com" },
    });

    public async Task SendAsync(JsonNode frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>
    /// Sends <paramref name="bytes"/> as one frame exactly as given (broken JSON, wrong types, huge frames). False when
    /// the client reset the connection before the frame was out.
    /// </summary>
    public async Task<bool> SendRawAsync(byte[] bytes, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, type, true, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Sends <paramref name="text"/> as one text frame, as is.</summary>
    public Task<bool> SendRawAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text ?? ""));

    /// <summary>Closes with a proper close handshake, as Slack does after a refresh.</summary>
    public async Task CloseAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _send.WaitAsync().ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _send.Release();
            }
        }

        await Closed.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    /// <summary>Drops the TCP connection without a close frame, like a network fault.</summary>
    public void Drop()
    {
        _socket.Abort();
        _closed.TrySetResult();
    }

    public void Dispose() => _send.Dispose();

    internal async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                    }

                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var frame = JsonSerializer.Deserialize<JsonElement>(message.ToArray());
                    message.SetLength(0);
                    if (frame.TryGetProperty("envelope_id", out var id))
                    {
                        _server.NoteAck(id.GetString()!, frame.TryGetProperty("payload", out var payload) ? payload.Clone() : null, Number);
                    }
                }
            }
        }
        catch (WebSocketException)
        {
            // The client went away; nothing more to record.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }
}
