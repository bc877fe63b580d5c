using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Slack.Rendering;

/// <summary>
/// A card (a job lead's post) as Block Kit: the first line as a header block, then the rest as the usual
/// escaped mrkdwn sections and buttons. The header is plain_text, which Slack never reads as markup or mentions.
/// </summary>
internal static class CardBlocks
{
    private const int HeaderLimit = 150;

    public static JsonObject Message(string text, IReadOnlyList<ButtonSpec> buttons)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline <= 0)
        {
            return BlockKit.Message(text, buttons);
        }

        var title = text[..newline].Replace("**", "", StringComparison.Ordinal).Trim();
        title = title.Length <= HeaderLimit ? title : title[..(HeaderLimit - 1)] + "…";
        var body = BlockKit.Message(text[(newline + 1)..], buttons);
        var blocks = (JsonArray)body["blocks"]!;
        blocks.Insert(0, new JsonObject
        {
            ["type"] = "header",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = title, ["emoji"] = false },
        });
        body["text"] = SlackText.Escape(text);
        return body;
    }
}
