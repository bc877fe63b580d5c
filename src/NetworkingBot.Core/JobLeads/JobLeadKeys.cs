using System.Text;

namespace NetworkingBot.Core.JobLeads;

/// <summary>The normalised forms the duplicate check compares, so trivial differences don't hide a duplicate.</summary>
public static class JobLeadKeys
{
    /// <summary>Lower case letters and digits only, words joined by single spaces: "Metadata  Librarian!" → "metadata librarian".</summary>
    public static string Text(string value)
    {
        var key = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != ' ')
            {
                key.Append(' ');
            }
        }

        return key.ToString().TrimEnd();
    }

    /// <summary>
    /// A link without what varies between shares of the same posting: scheme, "www.", letter case of the host,
    /// a trailing slash, the fragment and tracking parameters (utm_*, fbclid, gclid).
    /// </summary>
    public static string Link(Uri link)
    {
        var host = link.IdnHost.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        var port = link.IsDefaultPort ? "" : ":" + link.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = link.AbsolutePath.TrimEnd('/');
        var query = link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p))
            .Order(StringComparer.Ordinal);
        var rest = string.Join('&', query);
        return host + port + path + (rest.Length > 0 ? "?" + rest : "");
    }

    private static bool IsTracking(string parameter)
    {
        var name = parameter.Split('=', 2)[0].ToLowerInvariant();
        return name.StartsWith("utm_", StringComparison.Ordinal) || name is "fbclid" or "gclid" or "ref";
    }
}
