using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// The link check: an absolute http(s) address with a real host and no user name or password, and no
/// link at all on an unposted lead (there is nothing public to link to yet). Anything else (javascript:,
/// data:, file:, a relative path) is refused with the reason. A host that is not plain ASCII is stored in its
/// punycode form, and one that mixes look-alike scripts is refused (<see cref="LinkHosts"/>).
/// </summary>
internal static class JobLeadLinks
{
    public static (string? Link, string? Key) Check(string? raw, bool unposted, List<UserError> errors)
    {
        // Invisible reordering characters have no place in an address; they go like everywhere else.
        var text = MemberText.Strip(raw ?? "");
        if (text.Length == 0)
        {
            return (null, null);
        }

        if (unposted)
        {
            errors.Add(JobLeadValidator.Error("link", "link_on_unposted", "an unposted lead has no public link yet; leave out `link`, or `unposted`."));
            return (null, null);
        }

        if (text.Length > JobLeadValidator.MaxLink)
        {
            errors.Add(JobLeadValidator.Error("link", "link_too_long", $"at most {JobLeadValidator.MaxLink} characters, please."));
            return (null, null);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || text.Any(char.IsWhiteSpace) || text.Any(char.IsControl))
        {
            errors.Add(JobLeadValidator.Error("link", "bad_link", "give the full address of the posting, starting with `https://`."));
            return (null, null);
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            errors.Add(JobLeadValidator.Error("link", "bad_link_scheme", $"only http(s) links are allowed, not `{uri.Scheme}:`."));
            return (null, null);
        }

        if (uri.UserInfo.Length > 0)
        {
            errors.Add(JobLeadValidator.Error("link", "link_credentials", "links must not contain a user name or password; share the public address."));
            return (null, null);
        }

        if (!uri.IdnHost.Contains('.', StringComparison.Ordinal) || uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            errors.Add(JobLeadValidator.Error("link", "bad_link_host", "give the posting's public web address (a site name, not an IP address)."));
            return (null, null);
        }

        var (host, hostError) = LinkHosts.Check("link", LinkHosts.ToUnicode(uri.IdnHost) ?? uri.IdnHost);
        if (hostError is not null)
        {
            errors.Add(hostError);
            return (null, null);
        }

        uri = new UriBuilder(uri) { Host = host! }.Uri;

        // Stored as the parsed form, so what is posted is what was checked; '<', '>' and '|' are escaped too, so
        // the link can never close or relabel a Slack <url|text> or a Discord <url> around it.
        var safe = uri.AbsoluteUri.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
        return (safe, JobLeadKeys.Link(uri));
    }
}
