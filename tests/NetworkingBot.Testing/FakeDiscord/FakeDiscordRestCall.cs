using System.Text.Json;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// One request the fake Discord REST server received, with the status it answered. <see cref="Path"/> is
/// relative to /api/v10/ ("channels/123/messages"); <see cref="Body"/> is the parsed JSON body, if any.
/// </summary>
public sealed record FakeDiscordRestCall(
    string Method,
    string Path,
    string RawBody,
    JsonElement? Body,
    int Status,
    string? Authorization,
    string? UserAgent,
    DateTimeOffset At)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The file parts of a multipart/form-data request (<c>files[n]</c>), in order; empty for a JSON request.</summary>
    public IReadOnlyList<FakeDiscordRestFile> Files { get; init; } = [];

    public bool Is(string method, string pathPrefix) =>
        string.Equals(Method, method, StringComparison.OrdinalIgnoreCase) && Path.StartsWith(pathPrefix, StringComparison.Ordinal);

    /// <summary>A string property of the JSON body, or null.</summary>
    public string? BodyString(string property) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>One file part of a multipart request: its part name (<c>files[0]</c>), file name, content type and bytes.</summary>
public sealed record FakeDiscordRestFile(string PartName, string FileName, string ContentType, byte[] Content);

/// <summary>A message the fake accepted: where it went (and to whom, for a DM channel it opened) and its body.</summary>
public sealed record FakeDiscordRestMessage(string Id, string ChannelId, string? RecipientId, string Content, string? Nonce, JsonElement Body)
{
    /// <summary>Who wrote it: null for the bot (the application), else a member's id (see <see cref="FakeDiscordRest.PostAsMember"/>).</summary>
    public string? AuthorId { get; init; }
}

/// <summary>An accepted <c>PATCH channels/{channel}/messages/{id}</c>: the message, its content after the edit, and the body sent.</summary>
public sealed record FakeDiscordRestEdit(string MessageId, string ChannelId, string Content, JsonElement Body, DateTimeOffset At);

/// <summary>A scripted answer: this many matching requests get a 429 (or another status) instead of service.</summary>
internal sealed record FakeDiscordRestFault(string? Method, string? PathPrefix, int Status, double RetryAfter, bool Global)
{
    public int Remaining { get; set; }

    /// <summary>Discord's error code in the body of a scripted refusal (0: none).</summary>
    public int Code { get; init; }

    /// <summary>Discord's message in the body of a scripted refusal; null: "{status}: scripted failure".</summary>
    public string? Message { get; init; }

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));
}
