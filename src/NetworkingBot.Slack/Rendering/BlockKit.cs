using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Slack.Rendering;

/// <summary>
/// Renders core text and buttons as Block Kit: mrkdwn sections (split to Slack's 3,000-character limit) and one
/// actions block whose button values are the command lines they run. The escaped plain text goes in <c>text</c>
/// as the notification and accessibility fallback.
/// </summary>
internal static class BlockKit
{
    public const string ButtonActionPrefix = "nb_button_";
    private const int SectionLimit = 3000;
    private const int ButtonLabelLimit = 75;
    private const int ButtonValueLimit = 2000;
    private const int ButtonsPerBlock = 25;

    /// <summary>A message body: <c>text</c> and <c>blocks</c>, ready for chat.postMessage or a response_url.</summary>
    public static JsonObject Message(string text, IReadOnlyList<ButtonSpec> buttons)
    {
        var escaped = SlackText.Escape(text);
        var blocks = new JsonArray();
        foreach (var chunk in Chunks(escaped))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = chunk },
            });
        }

        for (var start = 0; start < buttons.Count; start += ButtonsPerBlock)
        {
            var elements = new JsonArray();
            for (var i = start; i < Math.Min(buttons.Count, start + ButtonsPerBlock); i++)
            {
                elements.Add(Button(buttons[i], i));
            }

            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = elements });
        }

        return new JsonObject { ["text"] = escaped, ["blocks"] = blocks };
    }

    /// <summary>An ephemeral reply to a command or a click.</summary>
    public static JsonObject Ephemeral(CommandResult result)
    {
        var message = Message(result.Text, result is Reply reply ? reply.Buttons : []);
        message["response_type"] = "ephemeral";
        return message;
    }

    private static JsonObject Button(ButtonSpec spec, int index)
    {
        var label = spec.Label.Length > ButtonLabelLimit ? spec.Label[..(ButtonLabelLimit - 1)] + "…" : spec.Label;
        if (spec.Command.Length > ButtonValueLimit)
        {
            throw new ArgumentException($"A button's command is longer than Slack's {ButtonValueLimit}-character value limit.", nameof(spec));
        }

        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label, ["emoji"] = true },
            ["value"] = spec.Command,
            // Unique per message: Slack rejects a message whose blocks repeat an action_id.
            ["action_id"] = ButtonActionPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var style = spec.Style switch
        {
            ButtonStyle.Primary or ButtonStyle.Success => "primary",
            ButtonStyle.Danger => "danger",
            _ => null,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    private static IEnumerable<string> Chunks(string text)
    {
        if (text.Length == 0)
        {
            yield return " ";
            yield break;
        }

        var rest = text;
        while (rest.Length > SectionLimit)
        {
            // Prefer a line break, never split an escape like "&amp;" in half.
            var cut = rest.LastIndexOf('\n', SectionLimit - 1);
            if (cut < SectionLimit / 2)
            {
                cut = SectionLimit;
                var amp = rest.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
                cut = amp > 0 ? amp : cut;
            }

            yield return rest[..cut];
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
