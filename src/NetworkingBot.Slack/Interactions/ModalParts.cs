using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Slack.Interactions;

/// <summary>The Block Kit pieces every form is built from and read back with.</summary>
internal static class ModalParts
{
    /// <summary>The action id of every form input: one input per block, the block named after its field.</summary>
    public const string ActionId = "value";

    public static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    public static JsonArray Options(IReadOnlyList<string> choices) =>
        new(choices.Select(c => (JsonNode)new JsonObject { ["text"] = Plain(c), ["value"] = c }).ToArray());

    /// <summary>
    /// A submitted input's value, read by the kind of element Slack says it was: a select's chosen option, a
    /// multi-select's options comma-separated, a user picker's user, a date picker's date, or the trimmed text; null
    /// when absent or malformed.
    /// </summary>
    public static string? Value(JsonElement action) => Payload.Text(action, "type") switch
    {
        "static_select" => Payload.Text(action, "selected_option", "value"),
        "multi_static_select" => Selected(action),
        "users_select" => Payload.Id(action, "selected_user"),
        "datepicker" => Payload.Text(action, "selected_date"),
        _ => Payload.Text(action, "value")?.Trim(),
    };

    /// <summary>The value submitted in block <paramref name="block"/> (its one input, action id "value"), read without throwing.</summary>
    public static string? Value(JsonElement view, string block) =>
        Value(Payload.Object(Payload.Object(Payload.Object(Payload.Object(view, "state"), "values"), block), ActionId));

    private static string? Selected(JsonElement action) =>
        action.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array
            && string.Join(',', options.EnumerateArray().Select(o => Payload.Text(o, "value")).OfType<string>()) is { Length: > 0 } joined
            ? joined
            : null;
}
