using System.Text.Json;

namespace NetworkingBot.Slack;

/// <summary>
/// The reference a Slack message is edited by: "{channel}/{ts}", both from chat.postMessage's answer (the
/// channel id there is the conversation's, a D… id for a DM, which is what chat.update wants).
/// </summary>
internal static class SlackPostRef
{
    public static string? Of(JsonElement posted) =>
        Text(posted, "channel") is { Length: > 0 } channel && Text(posted, "ts") is { Length: > 0 } ts ? $"{channel}/{ts}" : null;

    public static bool TryParse(string postRef, out string channel, out string ts)
    {
        var slash = postRef.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && slash < postRef.Length - 1)
        {
            (channel, ts) = (postRef[..slash], postRef[(slash + 1)..]);
            return true;
        }

        (channel, ts) = ("", "");
        return false;
    }

    private static string? Text(JsonElement body, string property) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
