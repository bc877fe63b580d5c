using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkingBot.Core.Commands.Text;

/// <summary>
/// The hosts of web addresses in member text. A host that is not plain ASCII can imitate another site
/// (<c>ехаmple.org</c> with Cyrillic е, х, а reads as example.org), so it is shown as the name the browser really
/// visits, its punycode form (<c>xn--…</c>), and one that mixes look-alike scripts is refused outright.
/// </summary>
public static partial class LinkHosts
{
    /// <summary>
    /// <paramref name="text"/> with every non-ASCII host in punycode, or an error naming <paramref name="field"/>
    /// when a host mixes scripts or is no valid host name at all.
    /// </summary>
    public static (string? Text, UserError? Error) Rewrite(string field, string text)
    {
        UserError? error = null;
        var rewritten = Address().Replace(text, m =>
        {
            var (host, problem) = Check(field, m.Groups["host"].Value);
            error ??= problem;
            return host is null ? m.Value : Splice(m, host);
        });
        return error is null ? (rewritten, null) : (null, error);
    }

    /// <summary>
    /// Like <see cref="Rewrite"/> for text that cannot be refused (a display name): a look-alike host is shown in its
    /// punycode form as well, and an invalid one loses its <c>://</c> so no platform makes a link of it.
    /// </summary>
    public static string RewriteAll(string text) =>
        Address().Replace(text, m => ToAscii(m.Groups["host"].Value) is { } ascii
            ? Splice(m, ascii)
            : m.Value.Replace("://", ": //", StringComparison.Ordinal));

    /// <summary>
    /// The host to show for <paramref name="host"/> (itself when plain ASCII, else its punycode form), or the reason
    /// it is refused.
    /// </summary>
    public static (string? Host, UserError? Error) Check(string field, string host)
    {
        if (host.All(char.IsAscii))
        {
            return (host, null);
        }

        if (ToAscii(host) is not { } ascii)
        {
            return (null, new UserError("bad_link_host", $"`{field}`: `{Clip(host)}` isn't a valid web address. Check the link and send it again (nothing was saved)."));
        }

        var scripts = Scripts(ToUnicode(ascii) ?? host);
        return scripts.Count > 1
            ? (null, new UserError("mixed_script_host", $"`{field}`: the address `{Clip(host)}` mixes {string.Join(" and ", scripts)} letters, which can imitate another site's name, so I can't post it (nothing was saved). If the address is genuine, write it as `{ascii}`."))
            : (ascii, null);
    }

    /// <summary>The punycode form of a host, or null when it is no valid host name.</summary>
    public static string? ToAscii(string host)
    {
        if (host.Length > 253)
        {
            return null;
        }

        try
        {
            // IdnMapping has no Try form; ArgumentException is how it says "not a host name", an expected answer here.
            // A fresh instance each time: its instance members are not documented as thread-safe.
            return new IdnMapping().GetAscii(host);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The Unicode form of a punycode host (what it imitates), or null when its labels do not decode.</summary>
    public static string? ToUnicode(string ascii)
    {
        try
        {
            return new IdnMapping().GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The look-alike scripts whose letters appear in <paramref name="host"/>, in a fixed order.</summary>
    internal static IReadOnlyList<string> Scripts(string host) =>
        host.Where(char.IsLetter).Select(ScriptOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    // Only the scripts whose letters pass for one another; Han or Arabic beside Latin imitates nothing.
    private static string? ScriptOf(char c) => c switch
    {
        (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF')
            or (>= '\u2C60' and <= '\u2C7F') or (>= '\uA720' and <= '\uA7FF') or (>= '\uAB30' and <= '\uAB6F') => "Latin",
        (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') => "Greek",
        (>= '\u0400' and <= '\u052F') or (>= '\u1C80' and <= '\u1C8F') or (>= '\u2DE0' and <= '\u2DFF') or (>= '\uA640' and <= '\uA69F') => "Cyrillic",
        >= '\u0530' and <= '\u058F' => "Armenian",
        _ => null,
    };

    private static string Splice(Match m, string host)
    {
        var group = m.Groups["host"];
        return string.Concat(m.Value.AsSpan(0, group.Index - m.Index), host, m.Value.AsSpan(group.Index - m.Index + group.Length));
    }

    private static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";

    // scheme://[user@]host — the host ends where a port, path, query, fragment, space or closing punctuation starts.
    // A trailing dot is left outside ("see https://example.org.").
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.\-]*://(?:[^\s/?#@<>]*@)?(?<host>[^\s/?#:<>()\[\]{}|\\,;'""`*_~]+?)(?=\.?(?:[\s/?#:<>()\[\]{}|\\,;'""`*_~]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
