using System.Buffers;
using System.Net.WebSockets;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>
/// Reads whole WebSocket messages, each at most <c>maxMessageBytes</c>: a message that grows past the cap is given up
/// at once, unread beyond it, so the buffer never holds much more than the cap whatever the server sends. The caller
/// resets the connection. One reader per connection; the returned payload is valid until the next read.
/// </summary>
internal sealed class CappedMessageReader(int maxMessageBytes)
{
    private const int ChunkBytes = 8 * 1024;

    private readonly ArrayBufferWriter<byte> _message = new(16 * 1024);

    /// <summary>Reads the next whole message, the server's close, or stops at the cap.</summary>
    public async Task<SocketRead> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _message.ResetWrittenCount();
        while (true)
        {
            // At most one chunk per read (GetMemory may offer more), so a dropped message overshoots the cap by a chunk at most.
            var result = await socket.ReceiveAsync(_message.GetMemory(ChunkBytes)[..ChunkBytes], cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new SocketRead(SocketReadKind.Closed, default);
            }

            _message.Advance(result.Count);
            if (_message.WrittenCount > maxMessageBytes)
            {
                return new SocketRead(SocketReadKind.TooLarge, default, _message.WrittenCount);
            }

            if (result.EndOfMessage)
            {
                return new SocketRead(result.MessageType == WebSocketMessageType.Binary ? SocketReadKind.Binary : SocketReadKind.Message, _message.WrittenMemory, _message.WrittenCount);
            }
        }
    }
}

/// <summary>What one read gave: a whole text message, a whole binary one, the server's close, or a message over the cap (dropped).</summary>
internal enum SocketReadKind
{
    Message,
    Binary,
    Closed,
    TooLarge,
}

/// <summary>One read's outcome; <paramref name="Bytes"/> is how much was buffered (for a dropped message, when it gave up).</summary>
internal readonly record struct SocketRead(SocketReadKind Kind, ReadOnlyMemory<byte> Payload, long Bytes = 0);
