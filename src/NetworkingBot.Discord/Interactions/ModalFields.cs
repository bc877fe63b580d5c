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
        if (DiscordInteraction.Arr(data, "components") is { } components)
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
            if (DiscordInteraction.Str(component, "value") is { } value)
            {
                fields[id] = value;
            }
            else if (DiscordInteraction.Arr(component, "values") is { } values)
            {
                // A select menu inside a label: its chosen values.
                fields[id] = string.Join(',', values.EnumerateArray().Select(DiscordInteraction.StrValue));
            }
        }

        if (component.TryGetProperty("component", out var inner))
        {
            Collect(inner, fields, depth + 1);
        }

        if (DiscordInteraction.Arr(component, "components") is { } children)
        {
            foreach (var child in children.EnumerateArray())
            {
                Collect(child, fields, depth + 1);
            }
        }
    }
}
