using System.Text;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// Makes member-written lead text safe to post anywhere: control characters go, single-line fields lose their
/// line breaks, and anything that could mention someone (Discord's &lt;@id&gt;, &lt;@&amp;role&gt;, @everyone,
/// @here; Slack's &lt;!channel&gt;, &lt;!subteam^…&gt;, &lt;@U…&gt;) is broken with an invisible space, so a note
/// can name a person but never ping one. The adapters guard too (allowed_mentions, escaping); this is the
/// core's own guarantee, whatever platform renders the text.
/// </summary>
public static class LeadText
{
    public static string Clean(string raw, bool multiline = false)
    {
        var text = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim())
        {
            if (c == '\n' || c == '\t')
            {
                text.Append(c == '\n' && multiline ? '\n' : ' ');
            }
            else if (!char.IsControl(c) && c is not ('\u2028' or '\u2029' or '\u202E'))
            {
                text.Append(c);
            }
        }

        return OptionParsers.Sanitize(text.ToString().Trim()).Replace("<#", "<\u200B#", StringComparison.Ordinal);
    }
}
