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
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number)
        {
            throw new JsonException("A gateway payload must be an object with a numeric \"op\".");
        }

        // "d" may be absent (HEARTBEAT_ACK); an absent d reads as JSON null like an explicit one.
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : NullElement;
        int? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;
        string? eventName = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new GatewayFrame((GatewayOpCode)op.GetInt32(), data, sequence, eventName);
    }

    private static JsonElement NullElement { get; } = JsonDocument.Parse("null").RootElement;

    /// <summary><c>d.heartbeat_interval</c> of a HELLO.</summary>
    public TimeSpan HeartbeatInterval() =>
        TimeSpan.FromMilliseconds(Data.GetProperty("heartbeat_interval").GetDouble());

    /// <summary><c>d</c> of an INVALID_SESSION: whether the session may be resumed.</summary>
    public bool IsResumable() => Data.ValueKind == JsonValueKind.True;
}
