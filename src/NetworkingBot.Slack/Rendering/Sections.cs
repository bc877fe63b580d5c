using System.Text.RegularExpressions;

namespace NetworkingBot.Slack.Rendering;

/// <summary>
/// Core text as Slack mrkdwn section texts: escaped, Markdown <c>**bold**</c> as mrkdwn <c>*bold*</c>, split under the
/// section limit at line breaks, never inside an escape, and with code fences balanced in every section (a fence
/// open at a cut is closed there and reopened in the next section).
/// </summary>
internal static partial class Sections
{
    private const string Fence = "```";

    public static List<string> Of(string text) => Split(Mrkdwn(SlackText.Escape(text)));

    /// <summary>Markdown bold as mrkdwn bold, outside code spans and fences only.</summary>
    public static string Mrkdwn(string escaped)
    {
        if (!escaped.Contains("**", StringComparison.Ordinal))
        {
            return escaped;
        }

        // Odd pieces between backticks are code (a fence's three backticks leave empty pieces, which keeps the parity).
        var pieces = escaped.Split('`');
        for (var i = 0; i < pieces.Length; i += 2)
        {
            pieces[i] = Bold().Replace(pieces[i], "*$1*");
        }

        return string.Join('`', pieces);
    }

    private static List<string> Split(string text)
    {
        var sections = new List<string>();
        if (text.Length == 0)
        {
            sections.Add(" ");
            return sections;
        }

        // Room for a closing fence when a cut falls inside a code block.
        const int limit = SlackLimits.SectionText - 8;
        var rest = text;
        while (rest.Length > SlackLimits.SectionText)
        {
            var cut = rest.LastIndexOf('\n', limit - 1);
            if (cut < limit / 2)
            {
                cut = limit;
                var amp = rest.LastIndexOf('&', cut - 1, 5);
                cut = amp > 0 ? amp : cut;
            }

            var chunk = rest[..cut];
            rest = rest[cut..].TrimStart('\n');
            if (Count(chunk) % 2 == 1)
            {
                chunk += "\n" + Fence;
                rest = Fence + "\n" + rest;
            }

            sections.Add(chunk);
        }

        if (rest.Length > 0)
        {
            sections.Add(rest);
        }

        return sections;
    }

    private static int Count(string text)
    {
        var count = 0;
        for (var at = text.IndexOf(Fence, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Fence, at + Fence.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // Both ends touch text, so "a ** b" and "**" alone stay as typed.
    [GeneratedRegex(@"(?<!\*)\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?!\*)")]
    private static partial Regex Bold();
}
