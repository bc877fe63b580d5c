using System.Text;
using System.Text.RegularExpressions;

namespace NetworkingBot.Core.Commands.Text;

/// <summary>
/// The one sanitiser for everything a member writes that the bot stores and shows again (profile region, job lead
/// fields, interview texts, display names, and the free text of any later program). The stored value is safe on
/// every platform, so no adapter has to remember a rule:
/// <list type="bullet">
/// <item>control characters go, single-line fields lose their line breaks, and the bidirectional controls that can
/// reorder what others read (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) are removed;</item>
/// <item>anything that could mention someone (Discord's &lt;@id&gt;, &lt;@&amp;role&gt;, &lt;#channel&gt;, @everyone,
/// @here; Slack's &lt;!channel&gt;, &lt;@U…&gt;) is broken with an invisible space, so text can name a person but
/// never ping one;</item>
/// <item>a Markdown masked link <c>[text](url)</c> loses its <c>](</c>, so Discord shows the address plainly
/// instead of a disguised link (Slack's <c>&lt;url|text&gt;</c> cannot form either: its <c>&lt;</c> is escaped by
/// the Slack renderer);</item>
/// <item>a web address whose host is not plain ASCII is shown in its punycode form (<c>xn--…</c>), and one whose
/// host mixes look-alike scripts (Latin with Cyrillic, say) is refused with the reason.</item>
/// </list>
/// </summary>
public static partial class MemberText
{
    /// <summary>
    /// Reads the free-text option <paramref name="field"/>: null when absent or blank, an error when it is longer than
    /// <paramref name="max"/> characters (counted without the invisible characters removed) or names a disguised host.
    /// </summary>
    public static (string? Text, UserError? Error) Read(string field, string? raw, int max, bool multiline = false)
    {
        var visible = Strip(raw ?? "", multiline);
        if (visible.Length == 0)
        {
            return (null, null);
        }

        if (visible.Length > max)
        {
            return (null, new UserError($"{field}_too_long", $"`{field}` can be at most {max} characters; yours has {visible.Length}. Please shorten it and send it again (nothing was saved)."));
        }

        return Finish(field, visible);
    }

    /// <summary>
    /// The second half of <see cref="Read"/>, for callers that bound <see cref="Strip"/>ped text with messages of
    /// their own: rewrites or refuses hosts, then neutralises mentions and masked links.
    /// </summary>
    public static (string? Text, UserError? Error) Finish(string field, string stripped)
    {
        var (linked, error) = LinkHosts.Rewrite(field, stripped);
        return error is not null ? (null, error) : (Neutralise(linked!), null);
    }

    /// <summary>
    /// Cleans text the member did not type as an option (a display name from the platform): the same rules, except
    /// that a look-alike host cannot be refused, so it is shown in its punycode form too.
    /// </summary>
    public static string Clean(string raw, bool multiline = false) =>
        Neutralise(LinkHosts.RewriteAll(Strip(raw, multiline)));

    /// <summary>
    /// Removes control, bidirectional and line-separator characters and trims; <paramref name="multiline"/> keeps
    /// line breaks (a CR LF pair becomes one break), otherwise every break and tab becomes a space.
    /// </summary>
    public static string Strip(string raw, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (c is '\n' or '\u2028' or '\u2029')
            {
                text.Append(multiline ? '\n' : ' ');
            }
            else if (c == '\t')
            {
                text.Append(' ');
            }
            else if (!char.IsControl(c) && !IsBidiControl(c))
            {
                text.Append(c);
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>The invisible characters that change the order in which text is displayed.</summary>
    public static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    // Mentions, then masked links. "] (" rather than an invisible break: the reader sees plainly what was written.
    private static string Neutralise(string text)
    {
        var unmentioned = text
            .Replace("<!", "<\u200B!", StringComparison.Ordinal)
            .Replace("<@", "<\u200B@", StringComparison.Ordinal)
            .Replace("<#", "<\u200B#", StringComparison.Ordinal);
        return MaskedLink().Replace(MassMention().Replace(unmentioned, m => "@\u200B" + m.Value[1..]), "] (");
    }

    [GeneratedRegex("@(everyone|here|channel)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MassMention();

    // Whitespace between ] and ( is neutral for some Markdown readers; take it along so "] (" is the only form left.
    [GeneratedRegex(@"\][ \t]*\(", RegexOptions.CultureInvariant)]
    private static partial Regex MaskedLink();
}
