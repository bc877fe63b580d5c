using System.Text.Json;

namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// One received gateway payload <c>{op, d, s, t}</c>. <see cref="Data"/> is a detached copy, so it outlives
/// the receive buffer and can be handed to a dispatch handler.
/// </summary>
public sealed record GatewayFrame(GatewayOpCode Op, JsonElement Data, int? Sequence, string? EventName)
{
    /// <summary>Parses a UTF-8 JSON payload; throws <see cref="JsonException"/> when it is not a gateway payload.</summary>
    public static GatewayFrame Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = ParseJson(utf8Json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number
            || !op.TryGetInt32(out var opCode))
        {
            throw new JsonException("A gateway payload must be an object with an integer \"op\".");
        }

        // "d" may be absent (HEARTBEAT_ACK); an absent d reads as JSON null like an explicit one.
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : NullElement;
        int? sequence = null;
        if (root.TryGetProperty("s", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            sequence = s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var number)
                ? number
                : throw new JsonException($"The gateway payload's \"s\" must be an integer, found {s.ValueKind}.");
        }

        string? eventName = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new GatewayFrame((GatewayOpCode)opCode, data, sequence, eventName);
    }

    // System.Text.Json quotes the offending token in its message; a log line must never carry a payload's content.
    private static JsonDocument ParseJson(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json);
        }
        catch (JsonException ex)
        {
            throw new JsonException($"Not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}).");
        }
    }

    private static JsonElement NullElement { get; } = JsonDocument.Parse("null").RootElement;

    /// <summary><c>d.heartbeat_interval</c> of a HELLO; null when it is missing, not a number, or not positive.</summary>
    public TimeSpan? HeartbeatInterval() =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("heartbeat_interval", out var interval)
        && interval.ValueKind == JsonValueKind.Number && interval.TryGetDouble(out var ms) && ms is > 0 and < int.MaxValue
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    /// <summary><c>d</c> of an INVALID_SESSION: whether the session may be resumed.</summary>
    public bool IsResumable() => Data.ValueKind == JsonValueKind.True;
}
