using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// The work started for one envelope. <see cref="Work"/> yields the answer (or null for none). If it is ready inside
/// the instant budget and <see cref="AnswerInAck"/> is true it rides in the ack; otherwise it goes out through
/// <see cref="DeliverLate"/> (the response_url, or a DM for a modal) once it is ready.
/// </summary>
internal sealed record Interaction(Task<JsonObject?> Work, bool AnswerInAck, Func<JsonObject, CancellationToken, Task>? DeliverLate)
{
    public static Interaction None { get; } = new(Task.FromResult<JsonObject?>(null), false, null);
}

/// <summary>Small readers for the loosely typed Slack payloads.</summary>
internal static class Payload
{
    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string? Text(JsonElement e, string outer, string inner) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(outer, out var o) ? Text(o, inner) : null;

    public static Uri? Url(JsonElement e, string name) =>
        Text(e, name) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
}
