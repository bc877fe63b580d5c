using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Slack.Interactions;

/// <summary>The Block Kit pieces every form (join, job share, interview request) is built from and read back with.</summary>
internal static class ModalParts
{
    public static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    public static JsonArray Options(IReadOnlyList<string> choices) =>
        new(choices.Select(c => (JsonNode)new JsonObject { ["text"] = Plain(c), ["value"] = c }).ToArray());

    /// <summary>A submitted input's value: a select's chosen option, or the trimmed text.</summary>
    public static string? Value(JsonElement action) => action.TryGetProperty("type", out var type) && type.GetString() == "static_select"
        ? action.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object ? option.GetProperty("value").GetString() : null
        : action.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
}
