using System.Text.Json;

namespace NetworkingBot.Testing.FakeSlack;

/// <summary>One Web API request the fake received: the method, the bearer token, and the arguments as strings
/// (nested JSON values such as <c>blocks</c> or <c>view</c> keep their JSON text).</summary>
public sealed record SlackApiCall(
    string Method,
    string? Token,
    string ContentType,
    IReadOnlyDictionary<string, string> Args,
    DateTimeOffset At,
    int Status)
{
    /// <summary>Whether the answer said <c>ok:true</c> (an HTTP 200 can still carry <c>ok:false</c>).</summary>
    public bool Ok { get; init; }

    /// <summary>The delivery key a post carries in its message metadata (<c>event_payload.key</c>), or null.</summary>
    public string? DeliveryKey =>
        Args.TryGetValue("metadata", out var metadata)
        && JsonSerializer.Deserialize<JsonElement>(metadata) is { ValueKind: JsonValueKind.Object } m
        && m.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
            ? key.GetString()
            : null;

    public string? Arg(string name) => Args.TryGetValue(name, out var value) ? value : null;

    /// <summary>A nested JSON argument (<c>blocks</c>, <c>view</c>) parsed back.</summary>
    public JsonElement Json(string name) => JsonSerializer.Deserialize<JsonElement>(Args[name]);
}

/// <summary>An ack frame from the client: when it came, how long after its envelope was sent, and on which socket.</summary>
public sealed record SlackAck(string EnvelopeId, JsonElement? Payload, DateTimeOffset At, TimeSpan SinceSent, int Socket);

/// <summary>A POST to a response_url the fake handed out.</summary>
public sealed record SlackResponsePost(string Id, JsonElement Body, DateTimeOffset At);
