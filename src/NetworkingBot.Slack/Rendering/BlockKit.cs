using System.Globalization;
using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Slack.Rendering;

/// <summary>
/// Renders core text and buttons as Block Kit: mrkdwn sections (see <see cref="Sections"/>) and actions blocks whose
/// button values are the command lines they run. The escaped text goes in <c>text</c> as the notification and
/// accessibility fallback. A message that must be one message (a post, a DM, a form) is held to a budget of blocks and
/// text and cut visibly; an answer may be rendered whole and sent in parts (<see cref="MessageParts"/>).
/// </summary>
internal static class BlockKit
{
    public const string ButtonActionPrefix = "nb_button_";
    private const int ButtonLabelLimit = 75;
    private const int ButtonValueLimit = 2000;
    private const int ButtonsPerBlock = 25;

    /// <summary>One message for chat.postMessage or chat.update, within <paramref name="maxText"/> characters of block text and 50 blocks.</summary>
    public static JsonObject Message(string text, IReadOnlyList<ButtonSpec> buttons, int maxText = SlackLimits.MessageText)
    {
        var actions = Actions(buttons);
        var all = Sections.Of(text);
        var sections = Budget(all, SlackLimits.MessageBlocks - actions.Count, maxText);
        // The fallback (notifications, screen readers) is the whole text, or exactly what was kept if it was cut.
        return Build(sections, actions, ReferenceEquals(sections, all) ? Fallback(text) : string.Join('\n', sections));
    }

    /// <summary>An ephemeral answer to a command or a click, whole: the ack gate and <see cref="MessageParts"/> decide how it travels.</summary>
    public static JsonObject Ephemeral(CommandResult result)
    {
        var sections = Sections.Of(result.Text);
        var message = Build(sections, Actions(result is Reply reply ? reply.Buttons : []), Fallback(result.Text));
        message["response_type"] = "ephemeral";
        return message;
    }

    /// <summary>The blocks of a modal view showing <paramref name="text"/>, within a view's 100 blocks.</summary>
    public static JsonArray ViewBlocks(string text) =>
        new([.. Budget(Sections.Of(text), SlackLimits.ViewBlocks, SlackLimits.MessageText).Select(s => (JsonNode)Section(s))]);

    /// <summary>A section block with mrkdwn text.</summary>
    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };

    /// <summary>
    /// Keeps whole sections while they fit in <paramref name="maxBlocks"/> and <paramref name="maxText"/>; if any are
    /// left out, a last section says so. Whole sections only, so every code fence kept is closed. Returns
    /// <paramref name="sections"/> itself when everything fits.
    /// </summary>
    internal static List<string> Budget(List<string> sections, int maxBlocks, int maxText)
    {
        var total = sections.Sum(s => s.Length);
        if (sections.Count <= maxBlocks && total <= maxText)
        {
            return sections;
        }

        var kept = new List<string>();
        var used = 0;
        foreach (var section in sections)
        {
            if (kept.Count + 2 > maxBlocks || used + section.Length + CutNote(total).Length > maxText)
            {
                break;
            }

            kept.Add(section);
            used += section.Length;
        }

        kept.Add(CutNote(total - used));
        return kept;
    }

    private static string CutNote(int left) =>
        string.Create(CultureInfo.InvariantCulture, $"_… {left:N0} more characters were cut: this was too long for one Slack message._");

    private static JsonObject Build(List<string> sections, List<JsonObject> actions, string fallback)
    {
        var blocks = new JsonArray();
        foreach (var section in sections)
        {
            blocks.Add(Section(section));
        }

        foreach (var block in actions)
        {
            blocks.Add(block);
        }

        return new JsonObject { ["text"] = fallback, ["blocks"] = blocks };
    }

    private static string Fallback(string text) => Sections.Mrkdwn(SlackText.Escape(text));

    /// <summary>Actions blocks for <paramref name="buttons"/>; action ids count from <paramref name="firstIndex"/>, so several blocks of one view stay unique.</summary>
    internal static List<JsonObject> Actions(IReadOnlyList<ButtonSpec> buttons, int firstIndex = 0)
    {
        var blocks = new List<JsonObject>();
        for (var start = 0; start < buttons.Count; start += ButtonsPerBlock)
        {
            var elements = new JsonArray();
            for (var i = start; i < Math.Min(buttons.Count, start + ButtonsPerBlock); i++)
            {
                elements.Add(Button(buttons[i], firstIndex + i));
            }

            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = elements });
        }

        return blocks;
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
            ["action_id"] = ButtonActionPrefix + index.ToString(CultureInfo.InvariantCulture),
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
}
