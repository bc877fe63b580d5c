using System.Text.Json;

namespace NetworkingBot.Slack.Socket;

/// <summary>One Socket Mode envelope: <c>payload</c> is exactly the body Slack would have POSTed in HTTP mode.</summary>
internal sealed record SocketEnvelope(string EnvelopeId, string Type, bool AcceptsResponsePayload, JsonElement Payload, int RetryAttempt)
{
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
    public const string EventsApi = "events_api";

    /// <summary>The events_api <c>event_id</c>, which stays the same across Slack's retries of one event.</summary>
    public string? EventId =>
        Type == EventsApi && Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("event_id", out var id) ? id.GetString() : null;

    /// <summary>Reads a frame as an envelope; frames without an <c>envelope_id</c> (hello, disconnect) give null.</summary>
    public static SocketEnvelope? From(JsonElement frame)
    {
        if (frame.ValueKind != JsonValueKind.Object
            || !frame.TryGetProperty("envelope_id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return new SocketEnvelope(
            id.GetString()!,
            frame.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "",
            frame.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
            frame.TryGetProperty("payload", out var payload) ? payload.Clone() : default,
            frame.TryGetProperty("retry_attempt", out var retry) && retry.ValueKind == JsonValueKind.Number ? retry.GetInt32() : 0);
    }
}
