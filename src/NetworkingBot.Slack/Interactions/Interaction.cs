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

/// <summary>
/// Small readers for the loosely typed Slack payloads. None of them throws: a missing field, a field of the wrong
/// type and a blank string all read as absent, so a malformed payload is answered instead of faulting.
/// </summary>
internal static class Payload
{
    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
        && v.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    /// <summary>
    /// A Slack id (team, user, channel): letters and digits, at most 64 of them. Anything else (a megabyte of text, a
    /// mention, punctuation) reads as absent, so it can never become a stored member or community id.
    /// </summary>
    public static string? Id(JsonElement e, string name) => Text(e, name) is { Length: <= 64 } id && id.All(char.IsAsciiLetterOrDigit) ? id : null;

    /// <summary>An id one object down, like <c>user.id</c>.</summary>
    public static string? Id(JsonElement e, string outer, string inner) => Id(Object(e, outer), inner);

    /// <summary>The named member when it is an object; otherwise an undefined element that every reader treats as absent.</summary>
    public static JsonElement Object(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

    public static string? Text(JsonElement e, string outer, string inner) => Text(Object(e, outer), inner);

    /// <summary>
    /// A name to greet someone by: the first candidate with a letter or digit in it (a blank or all-symbol name would
    /// read as "Welcome, !"), else the user id.
    /// </summary>
    public static string Name(string userId, params string?[] candidates) =>
        candidates.FirstOrDefault(c => c is not null && c.Any(char.IsLetterOrDigit)) ?? userId;

    public static Uri? Url(JsonElement e, string name) =>
        Text(e, name) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
}
