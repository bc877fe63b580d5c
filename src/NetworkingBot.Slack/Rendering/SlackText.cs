using System.Text;
using System.Text.RegularExpressions;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Slack.Rendering;

/// <summary>
/// Makes core text safe for Slack mrkdwn. Slack reads <c>&lt;…&gt;</c> as control sequences (<c>&lt;!channel&gt;</c>,
/// <c>&lt;!subteam^…&gt;</c>, links with hidden targets), so every <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> is escaped except
/// the user and channel mentions the core writes itself, which ping nobody beyond the person named. A time token
/// becomes Slack's date formatting, which each reader sees in their own time zone.
/// </summary>
internal static partial class SlackText
{
    public static string Escape(string text) => TimeTokens.Render(EscapeText(text), Date);

    /// <summary>
    /// Slack's <c>&lt;!date^…&gt;</c> for a time token: "Dec 8 3:00 PM" (or "tomorrow 3:00 PM") in the reader's zone, with the UTC time
    /// as the fallback for clients that cannot render it. Applied after escaping: the token holds only digits and zone
    /// ids, and the fallback has no control characters.
    /// </summary>
    public static string Date(TimeToken token) =>
        $"<!date^{token.Instant.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}^{{date_short_pretty}} {{time}}|{TimeTokens.Utc(token)}>";

    private static string EscapeText(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match mention in SafeMention().Matches(text))
        {
            AppendEscaped(result, text.AsSpan(last, mention.Index - last));
            result.Append(mention.Value);
            last = mention.Index + mention.Length;
        }

        AppendEscaped(result, text.AsSpan(last));
        return result.ToString();
    }

    /// <summary>Undoes Slack's escaping of the three control characters in text it sends us (slash-command text).</summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    private static void AppendEscaped(StringBuilder result, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => result.Append("&amp;"),
                '<' => result.Append("&lt;"),
                '>' => result.Append("&gt;"),
                _ => result.Append(c),
            };
        }
    }

    // Only bare ids: a "<@U123|label>" form could hide a link label, so it is escaped like anything else.
    [GeneratedRegex(@"<(?:@[UW][A-Z0-9]{2,30}|#[CG][A-Z0-9]{2,30})>")]
    private static partial Regex SafeMention();
}
