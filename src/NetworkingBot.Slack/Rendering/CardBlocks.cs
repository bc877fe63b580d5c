using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Slack.Rendering;

/// <summary>
/// A card (a job lead's post) as Block Kit: the first line as a header block, then the rest as the usual
/// escaped mrkdwn sections and buttons, held to <see cref="SlackLimits.CardText"/> (the core keeps a card at every
/// field's maximum under 2,000 characters; the budget is the net for escaping). The header is plain_text, which Slack
/// never reads as markup or mentions. A first line longer than a header holds (a long title and employer) stays a bold
/// section instead, so no name is cut.
/// </summary>
internal static class CardBlocks
{
    private const int HeaderLimit = 150;

    public static JsonObject Message(string text, IReadOnlyList<ButtonSpec> buttons)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline <= 0)
        {
            return BlockKit.Message(text, buttons, SlackLimits.CardText);
        }

        var title = text[..newline].Replace("**", "", StringComparison.Ordinal).Trim();
        if (title.Length > HeaderLimit)
        {
            return BlockKit.Message(text, buttons, SlackLimits.CardText);
        }

        var body = BlockKit.Message(text[(newline + 1)..], buttons, SlackLimits.CardText);
        var blocks = (JsonArray)body["blocks"]!;
        blocks.Insert(0, new JsonObject
        {
            ["type"] = "header",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = title, ["emoji"] = false },
        });
        body["text"] = Sections.Mrkdwn(SlackText.Escape(text[..newline])) + "\n" + body["text"]!.GetValue<string>();
        return body;
    }
}
