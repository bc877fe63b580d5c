using System.Text.Json;

namespace NetworkingBot.Slack.Socket;

/// <summary>One Socket Mode envelope: <c>payload</c> is exactly the body Slack would have POSTed in HTTP mode.</summary>
internal sealed record SocketEnvelope(string EnvelopeId, string Type, bool AcceptsResponsePayload, JsonElement Payload, int RetryAttempt)
{
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
    public const string EventsApi = "events_api";

    /// <summary>When this process began handling the envelope; a form's trigger (3 s from Slack) is counted from here.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The events_api <c>event_id</c>, which stays the same across Slack's retries of one event.</summary>
    public string? EventId =>
        Type == EventsApi && Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>
    /// Reads a frame as an envelope; frames without a string <c>envelope_id</c> (hello, disconnect) give null.
    /// Every other field is read leniently: a field of the wrong type counts as absent, so a malformed envelope is
    /// still acked and answered rather than throwing inside the receive loop.
    /// </summary>
    public static SocketEnvelope? From(JsonElement frame)
    {
        if (IdOf(frame) is not { } id)
        {
            return null;
        }

        return new SocketEnvelope(
            id,
            frame.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "",
            frame.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
            frame.TryGetProperty("payload", out var payload) ? payload.Clone() : default,
            frame.TryGetProperty("retry_attempt", out var retry) && retry.ValueKind == JsonValueKind.Number && retry.TryGetInt32(out var attempt) ? attempt : 0);
    }

    /// <summary>The frame's <c>envelope_id</c> when it is a string: what an ack needs, whatever else is wrong with the frame.</summary>
    public static string? IdOf(JsonElement frame) =>
        frame.ValueKind == JsonValueKind.Object && frame.TryGetProperty("envelope_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
