using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Discord.Commands;

/// <summary>
/// A command set reduced to what registration decides on, so the live set read back from Discord can be compared
/// with the one the catalogue builds: registration writes only when the two differ (creates count against a daily
/// limit, and an unchanged set needs no call). The comparison holds across restarts and instances without state.
/// </summary>
public static class CommandFingerprint
{
    /// <summary>
    /// The fields we set, in a canonical form: Discord echoes commands back with ids, versions and defaults
    /// filled in, so comparing raw JSON would always differ.
    /// </summary>
    public static string Of(JsonElement commands)
    {
        var projected = new JsonArray([.. commands.EnumerateArray()
            .OrderBy(c => Text(c, "name"), StringComparer.Ordinal)
            .Select(c => (JsonNode)new JsonObject
            {
                ["name"] = Text(c, "name"),
                ["description"] = Text(c, "description"),
                ["permissions"] = Text(c, "default_member_permissions"),
                ["options"] = Options(c),
            })]);
        return projected.ToJsonString();
    }

    private static JsonArray Options(JsonElement parent) =>
        parent.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
            ? new JsonArray([.. options.EnumerateArray().Select(o => (JsonNode)new JsonObject
            {
                ["type"] = o.TryGetProperty("type", out var t) ? t.GetInt32() : 0,
                ["name"] = Text(o, "name"),
                ["description"] = Text(o, "description"),
                ["required"] = Flag(o, "required"),
                ["autocomplete"] = Flag(o, "autocomplete"),
                ["choices"] = o.TryGetProperty("choices", out var ch) && ch.ValueKind == JsonValueKind.Array
                    ? string.Join('|', ch.EnumerateArray().Select(x => Text(x, "name") + "=" + (x.TryGetProperty("value", out var v) ? v.ToString() : "")))
                    : "",
                ["channel_types"] = o.TryGetProperty("channel_types", out var ct) ? ct.GetRawText() : "",
                ["options"] = Options(o),
            })])
            : [];

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
