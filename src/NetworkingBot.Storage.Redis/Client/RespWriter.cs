using System.Buffers;
using System.Globalization;
using System.Text;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>Encodes a command as a RESP array of bulk strings, the one request form every Redis version accepts.</summary>
internal static class RespWriter
{
    public static void Write(ArrayBufferWriter<byte> buffer, IReadOnlyList<string> command)
    {
        WriteHeader(buffer, '*', command.Count);
        foreach (var part in command)
        {
            WriteHeader(buffer, '$', Encoding.UTF8.GetByteCount(part));
            var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(part.Length) + 2);
            var written = Encoding.UTF8.GetBytes(part, span);
            span[written] = (byte)'\r';
            span[written + 1] = (byte)'\n';
            buffer.Advance(written + 2);
        }
    }

    private static void WriteHeader(ArrayBufferWriter<byte> buffer, char type, int length)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{type}{length}\r\n");
        var span = buffer.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        buffer.Advance(written);
    }
}
