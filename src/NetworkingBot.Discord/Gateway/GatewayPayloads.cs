using System.Buffers;
using System.Text.Json;

namespace NetworkingBot.Discord.Gateway;

/// <summary>Writes the payloads the client sends: HEARTBEAT, IDENTIFY and RESUME.</summary>
public static class GatewayPayloads
{
    /// <summary>GUILDS (1 &lt;&lt; 0): enough for interactions, which need no intent; nothing privileged.</summary>
    public const int Intents = 1 << 0;

    /// <summary>The name the bot reports as browser and device in IDENTIFY.</summary>
    public const string ClientName = "networkingbot";

    /// <summary>Discord rejects sent frames larger than this with close code 4002.</summary>
    public const int MaxFrameBytes = 4096;

    /// <summary><c>{"op":1,"d":seq}</c>; <c>d</c> is null before the first dispatch.</summary>
    public static byte[] Heartbeat(int? sequence) => Write(GatewayOpCode.Heartbeat, w =>
    {
        if (sequence is { } s)
        {
            w.WriteNumberValue(s);
        }
        else
        {
            w.WriteNullValue();
        }
    });

    /// <summary>IDENTIFY with the raw token (no "Bot " prefix), GUILDS intent and <c>shard:[id,total]</c>.</summary>
    public static byte[] Identify(string token, int shardId, int shardCount) => Write(GatewayOpCode.Identify, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteNumber("intents", Intents);
        w.WriteStartObject("properties");
        w.WriteString("os", OperatingSystemName());
        w.WriteString("browser", ClientName);
        w.WriteString("device", ClientName);
        w.WriteEndObject();
        w.WriteStartArray("shard");
        w.WriteNumberValue(shardId);
        w.WriteNumberValue(shardCount);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>RESUME <c>{token, session_id, seq}</c>.</summary>
    public static byte[] Resume(string token, string sessionId, int? sequence) => Write(GatewayOpCode.Resume, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        if (sequence is { } s)
        {
            w.WriteNumber("seq", s);
        }
        else
        {
            w.WriteNull("seq");
        }

        w.WriteEndObject();
    });

    private static byte[] Write(GatewayOpCode op, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", (int)op);
            writer.WritePropertyName("d");
            writeData(writer);
            writer.WriteEndObject();
        }

        if (buffer.WrittenCount > MaxFrameBytes)
        {
            throw new InvalidOperationException($"A gateway {op} payload of {buffer.WrittenCount} bytes exceeds Discord's {MaxFrameBytes}-byte limit.");
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsLinux() ? "linux"
        : "unknown";
}
