using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Slack.Interactions;

/// <summary>The Block Kit pieces every form (join, job share, interview request) is built from and read back with.</summary>
internal static class ModalParts
{
    /// <summary>
    /// The longest tag list the core accepts (interests, tags, specialties): ten tags of the longest length with ", "
    /// between them. Core has no constant for the whole text; this is derived from the two it has.
    /// </summary>
    public const int MaxTagList = Core.Commands.OptionParsers.MaxTags * (Core.Commands.OptionParsers.MaxTagLength + 2);

    public static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    public static JsonArray Options(IReadOnlyList<string> choices) =>
        new(choices.Select(c => (JsonNode)new JsonObject { ["text"] = Plain(c), ["value"] = c }).ToArray());

    /// <summary>A submitted input's value: a select's chosen option, or the trimmed text; null when absent or malformed.</summary>
    public static string? Value(JsonElement action) => Payload.Text(action, "type") == "static_select"
        ? Payload.Text(action, "selected_option", "value")
        : Payload.Text(action, "value")?.Trim();

    /// <summary>The value submitted in block <paramref name="block"/> (its one input, action id "value"), read without throwing.</summary>
    public static string? Value(JsonElement view, string block) =>
        Value(Payload.Object(Payload.Object(Payload.Object(Payload.Object(view, "state"), "values"), block), "value"));
}
