using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Discord.Interactions;

/// <summary>The core's buttons as Discord action rows: up to 5 buttons a row, 5 rows a message.</summary>
public static class MessageComponents
{
    private const int PerRow = 5;
    private const int MaxRows = 5;
    private const int MaxLabel = 80;

    /// <summary>Action rows for <paramref name="buttons"/>; a button whose id would not fit is left out.</summary>
    public static JsonArray Rows(IReadOnlyList<ButtonSpec> buttons, string? guildId)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var rendered = buttons
            .Select(b => (Button: b, Id: ButtonIds.Encode(guildId, b.Command)))
            .Where(b => b.Id is not null)
            .Take(PerRow * MaxRows)
            .Select(b => (JsonNode)new JsonObject
            {
                ["type"] = 2,
                ["style"] = StyleOf(b.Button.Style),
                ["label"] = b.Button.Label.Length <= MaxLabel ? b.Button.Label : b.Button.Label[..(MaxLabel - 1)] + "…",
                ["custom_id"] = b.Id,
            })
            .ToList();
        return new JsonArray([.. rendered.Chunk(PerRow).Select(row => (JsonNode)new JsonObject { ["type"] = 1, ["components"] = new JsonArray(row) })]);
    }

    private static int StyleOf(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => 1,
        ButtonStyle.Success => 3,
        ButtonStyle.Danger => 4,
        _ => 2,
    };
}
