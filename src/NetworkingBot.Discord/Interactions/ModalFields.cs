using System.Text.Json;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// The text inputs of a MODAL_SUBMIT, by custom_id. Both layouts Discord sends are read: legacy action rows
/// (type 1) wrapping inputs, and labels (type 18) holding one component each (a text input or a select).
/// </summary>
internal static class ModalFields
{
    public static Dictionary<string, string> Read(JsonElement data)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Array)
        {
            foreach (var component in components.EnumerateArray())
            {
                Collect(component, fields, depth: 0);
            }
        }

        return fields;
    }

    private static void Collect(JsonElement component, Dictionary<string, string> fields, int depth)
    {
        if (depth > 3 || component.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (DiscordInteraction.Str(component, "custom_id") is { } id)
        {
            if (component.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            {
                fields[id] = value.GetString()!;
            }
            else if (component.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
            {
                // A select menu inside a label: its chosen values.
                fields[id] = string.Join(',', values.EnumerateArray().Select(v => v.GetString()));
            }
        }

        if (component.TryGetProperty("component", out var inner))
        {
            Collect(inner, fields, depth + 1);
        }

        if (component.TryGetProperty("components", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray())
            {
                Collect(child, fields, depth + 1);
            }
        }
    }
}
