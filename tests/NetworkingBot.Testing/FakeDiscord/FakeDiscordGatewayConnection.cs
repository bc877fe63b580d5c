using System.Buffers;
using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// The server side of one client socket: sends HELLO, records what the client sends, answers heartbeats,
/// IDENTIFY (READY) and RESUME (replay, then RESUMED) the way Discord does.
/// </summary>
internal sealed class FakeDiscordGatewayConnection(int id, HttpContext http, WebSocket socket, FakeDiscordGateway gateway) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    // One zlib context for the connection's life, as Discord keeps for "compress=zlib-stream": each payload is
    // deflated into it and flushed (ending in 00 00 FF FF) as one binary message. Clients add that parameter to the
    // URLs they are handed (Discord.Net does on resume), so the fake must speak it.
    private readonly MemoryStream? _compressed;
    private readonly ZLibStream? _zlib;

    public FakeDiscordGatewayConnection(int id, HttpContext http, WebSocket socket, FakeDiscordGateway gateway, bool zlibStream)
        : this(id, http, socket, gateway)
    {
        if (zlibStream)
        {
            _compressed = new MemoryStream();
            _zlib = new ZLibStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);
        }
    }

    public int Id { get; } = id;

    /// <summary>The shard this connection identified or resumed as.</summary>
    public int? ShardId => Session?.ShardId;

    public FakeDiscordGatewaySession? Session { get; private set; }

    public bool IsOpen => socket.State == WebSocketState.Open;

    public async Task RunAsync()
    {
        int? closeCode = null;
        try
        {
            await SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{(int)gateway.HeartbeatInterval.TotalMilliseconds}}},"s":null,"t":null}""")
                .ConfigureAwait(false);
            var buffer = new ArrayBufferWriter<byte>(4096);
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), http.RequestAborted).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    closeCode = (int?)socket.CloseStatus;
                    if (socket.State != WebSocketState.CloseReceived)
                    {
                        break;
                    }

                    await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None)
                        .ConfigureAwait(false);
                    break;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    await OnPayloadAsync(Encoding.UTF8.GetString(buffer.WrittenSpan)).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropped on purpose (DropAsync) or by the client: nothing to answer.
        }
        finally
        {
            await gateway.OnConnectionEndedAsync(this, closeCode).ConfigureAwait(false);
        }
    }

    private async Task OnPayloadAsync(string json)
    {
        using var document = JsonDocument.Parse(json);
        var op = document.RootElement.GetProperty("op").GetInt32();
        var data = document.RootElement.TryGetProperty("d", out var d) ? d.Clone() : default;
        if (op == FakeDiscordGatewayOps.Identify)
        {
            var shard = data.TryGetProperty("shard", out var s) ? s[0].GetInt32() : 0;
            var count = data.TryGetProperty("shard", out s) ? s[1].GetInt32() : 1;
            Session = gateway.CreateSession(shard);
            gateway.Record(this, op, data, json);
            await Session.StartAsync(this, gateway.ReadyJson(Session, count), gateway.GuildCreates(Session, count)).ConfigureAwait(false);
        }
        else if (op == FakeDiscordGatewayOps.Resume)
        {
            var session = gateway.FindSession(data.GetProperty("session_id").GetString());
            Session = session;
            gateway.Record(this, op, data, json);
            if (session is not { Resumable: true })
            {
                await SendAsync("""{"op":9,"d":false,"s":null,"t":null}""").ConfigureAwait(false);
                return;
            }

            var seq = data.GetProperty("seq");
            await session.ResumeAsync(this, seq.ValueKind == JsonValueKind.Number ? seq.GetInt32() : 0).ConfigureAwait(false);
        }
        else
        {
            gateway.Record(this, op, data, json);
            if (op == FakeDiscordGatewayOps.Heartbeat && gateway.AckHeartbeats)
            {
                await SendAsync("""{"op":11}""").ConfigureAwait(false);
            }
        }
    }

    // Read once: the request's features are disposed when the connection ends, and recordings outlive it.
    public string Path { get; } = http.Request.Path.Value ?? "/";

    public string Query { get; } = http.Request.QueryString.Value ?? "";

    public Task SendDispatchAsync(string eventName, string dataJson, int sequence) =>
        SendAsync($$"""{"op":0,"d":{{dataJson}},"s":{{sequence}},"t":"{{eventName}}"}""");

    /// <summary>Sends a text payload; a socket that is already gone swallows it, as a real network would.</summary>
    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_zlib is null)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None)
                    .ConfigureAwait(false);
            }
            else
            {
                _compressed!.SetLength(0);
                _zlib.Write(Encoding.UTF8.GetBytes(json));
                _zlib.Flush();
                await socket.SendAsync(_compressed.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends one text message of <paramref name="bytes"/> bytes (a dispatch padded with spaces) in 64 KiB pieces from
    /// one small buffer, so the fake itself stays small however large the message. A client that gives up reading
    /// part-way ends the send.
    /// </summary>
    public async Task SendLargeAsync(long bytes)
    {
        var head = Encoding.UTF8.GetBytes("""{"op":0,"t":"GUILD_CREATE","s":null,"d":{"padding":" """.TrimEnd());
        var tail = Encoding.UTF8.GetBytes("\"}}");
        var piece = new byte[64 * 1024];
        Array.Fill(piece, (byte)' ');
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await socket.SendAsync(head, WebSocketMessageType.Text, false, CancellationToken.None).ConfigureAwait(false);
            for (var left = bytes - head.Length - tail.Length; left > 0; left -= piece.Length)
            {
                var size = (int)Math.Min(left, piece.Length);
                await socket.SendAsync(piece.AsMemory(0, size), WebSocketMessageType.Text, false, CancellationToken.None).ConfigureAwait(false);
            }

            await socket.SendAsync(tail, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
        }
        finally
        {
            try
            {
                _sendLock.Release();
            }
            catch (ObjectDisposedException)
            {
                // The client gave up part-way and the connection ended (and was disposed) while this send still ran.
            }
        }
    }

    public async Task CloseAsync(int code)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by test", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Kills the TCP connection with no close frame, like a network outage.</summary>
    public void Drop()
    {
        try
        {
            // The connection first: aborting the socket alone lets the request finish and dispose the context.
            http.Abort();
            socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // It ended on its own meanwhile.
        }
    }

    /// <summary>Whether this connection's payloads go out zlib-stream compressed.</summary>
    public bool Compressed => _zlib is not null;

    public void Dispose()
    {
        _sendLock.Dispose();
        _zlib?.Dispose();
        _compressed?.Dispose();
    }
}
