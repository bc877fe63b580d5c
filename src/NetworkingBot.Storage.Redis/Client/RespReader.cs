using System.Globalization;
using System.Text;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// Reads RESP2 and RESP3 replies from a stream. Error replies come back as <see cref="RedisServerException"/>
/// values (not thrown), so the caller can hand each to the command it belongs to. RESP3 push messages are
/// reported separately: they answer no command and must not take a pending command's place.
/// </summary>
internal sealed class RespReader(Stream stream)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>One reply: a <see cref="RedisResult"/>, or a <see cref="RedisServerException"/> for an error reply; null for a push.</summary>
    public async ValueTask<object?> ReadAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        var type = line[0];
        var rest = line[1..];
        switch (type)
        {
            case '+':
                return RedisResult.OfText(rest);
            case '-':
            case '!':
                return new RedisServerException(type == '!' ? await ReadBlobAsync(rest, cancellationToken).ConfigureAwait(false) ?? "" : rest);
            case ':':
                return RedisResult.OfInteger(ParseLong(rest));
            case '$':
            case '=':
                var blob = await ReadBlobAsync(rest, cancellationToken).ConfigureAwait(false);
                return blob is null ? RedisResult.Nil : RedisResult.OfText(type == '=' && blob.Length >= 4 ? blob[4..] : blob);
            case ',':
            case '(':
                return RedisResult.OfText(rest);
            case '#':
                return RedisResult.OfInteger(rest == "t" ? 1 : 0);
            case '_':
                return RedisResult.Nil;
            case '*':
            case '~':
            case '%':
            case '>':
            case '|':
                return await ReadAggregateAsync(type, rest, cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidDataException($"Unexpected RESP type byte '{type}' from Redis.");
        }
    }

    private async ValueTask<object?> ReadAggregateAsync(char type, string header, CancellationToken cancellationToken)
    {
        var count = ParseLong(header);
        if (count < 0)
        {
            return RedisResult.Nil;
        }

        // A map or attribute has count pairs; both are flattened to key, value, key, value.
        var total = type is '%' or '|' ? count * 2 : count;
        var items = new List<RedisResult>((int)total);
        for (var i = 0; i < total; i++)
        {
            var item = await ReadAsync(cancellationToken).ConfigureAwait(false);
            items.Add(item switch
            {
                RedisResult r => r,
                RedisServerException e => RedisResult.OfText(e.Message),
                _ => RedisResult.Nil,
            });
        }

        // An attribute describes the reply that follows it; a push answers no command.
        return type switch
        {
            '|' => await ReadAsync(cancellationToken).ConfigureAwait(false),
            '>' => null,
            _ => RedisResult.OfArray(items),
        };
    }

    private async ValueTask<string?> ReadBlobAsync(string header, CancellationToken cancellationToken)
    {
        var length = ParseLong(header);
        if (length < 0)
        {
            return null;
        }

        await FillAsync((int)length + 2, cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(_buffer, _start, (int)length);
        _start += (int)length + 2;
        return text;
    }

    private async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var index = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, _end - _start - scanned);
            if (index > _start && _buffer[index - 1] == '\r')
            {
                var line = Encoding.UTF8.GetString(_buffer, _start, index - 1 - _start);
                _start = index + 1;
                return line.Length > 0 ? line : throw new InvalidDataException("Empty RESP line from Redis.");
            }

            scanned = _end - _start;
            await FillAsync(scanned + 1, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ensures at least <paramref name="count"/> unread bytes are buffered, growing the buffer for big blobs.</summary>
    private async ValueTask FillAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return;
        }

        var target = count <= _buffer.Length ? _buffer : new byte[Math.Max(count, _buffer.Length * 2)];
        Buffer.BlockCopy(_buffer, _start, target, 0, _end - _start);
        _buffer = target;
        _end -= _start;
        _start = 0;
        while (_end < count)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("Redis closed the connection.");
            }

            _end += read;
        }
    }

    private static long ParseLong(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new InvalidDataException($"Bad RESP length or integer '{text}' from Redis.");
}
