using System.Text.Json.Nodes;
using NetworkingBot.Core.Home;

namespace NetworkingBot.Slack.Rendering;

/// <summary>
/// A member's home as Slack's App Home view (<c>views.publish</c>, type "home"): the greeting, then per section a
/// divider, a header, its lines as one mrkdwn section (escaped, time tokens shown in the reader's zone) and its
/// buttons, whose values are the command lines they run, as on every other message.
/// </summary>
internal static class HomeBlocks
{
    private const int HeaderLimit = 150;

    public static JsonObject View(MemberHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var blocks = new JsonArray { BlockKit.Section(Sections.Mrkdwn(SlackText.Escape(home.Greeting))) };
        var buttons = 0;
        foreach (var section in home.Sections)
        {
            blocks.Add(new JsonObject { ["type"] = "divider" });
            blocks.Add(new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = section.Title.Length <= HeaderLimit ? section.Title : section.Title[..HeaderLimit], ["emoji"] = true },
            });
            var text = Sections.Mrkdwn(SlackText.Escape(string.Join('\n', section.Lines)));
            blocks.Add(BlockKit.Section(text.Length <= SlackLimits.SectionText ? text : text[..(SlackLimits.SectionText - 1)] + "…"));
            foreach (var actions in BlockKit.Actions(section.Buttons, buttons))
            {
                blocks.Add(actions);
            }

            buttons += section.Buttons.Count;
        }

        return new JsonObject { ["type"] = "home", ["blocks"] = blocks };
    }
}
