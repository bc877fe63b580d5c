using System.Globalization;
using System.Text;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Core.JobLeads;

/// <summary>What the job-leads program says. Lead fields are already cleaned by <see cref="LeadText"/>.</summary>
public static class JobTexts
{
    public const string HeadsUp = "Heads-up: not yet posted publicly";

    /// <summary>The channel post for a new lead: a bold headline, then one fact per line.</summary>
    public static string Post(JobLead lead)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**New job lead #{lead.Number}: {lead.Title}** — {lead.Employer}\n");
        AppendFacts(text, lead);
        text.Append(lead.Anonymous ? "Shared anonymously" : $"Shared by {CoffeeTexts.Mention(lead.SharerId)}");
        text.Append(CultureInfo.InvariantCulture, $" · `/job list` for more, `/job subscribe` to hear of leads like this");
        return text.ToString();
    }

    /// <summary>An instant DM to a subscriber: the lead itself, without pinging its sharer.</summary>
    public static string Instant(JobLead lead)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"A new job lead matches your subscription: **#{lead.Number} {lead.Title}** — {lead.Employer}\n");
        AppendFacts(text, lead);
        text.Append("`/job subscriptions` shows what you follow; `/job unsubscribe` stops these.");
        return text.ToString();
    }

    /// <summary>One lead on one line, for lists and digests.</summary>
    public static string Line(JobLead lead)
    {
        var where = Where(lead);
        var extra = lead.Unposted ? " · heads-up: not yet posted" : "";
        var deadline = lead.Deadline is { } d ? string.Create(CultureInfo.InvariantCulture, $" · apply by {d:yyyy-MM-dd}") : "";
        var link = lead.Link is { } l ? $" · {l}" : "";
        return $"• #{lead.Number} **{lead.Title}** — {lead.Employer} ({where}, {JobTypes.Name(lead.Type)}){deadline}{extra}{link}";
    }

    public static string Where(JobLead lead) => (lead.Location, lead.Remote) switch
    {
        (null, _) => "remote",
        (var place, true) => $"{place} or remote",
        (var place, false) => place,
    };

    public static string Closed(JobLead lead) =>
        $"Lead #{lead.Number} **{lead.Title}** — {lead.Employer} is closed: {StatusWord(lead.Status)}.";

    public static string StatusWord(LeadStatus status) => status switch
    {
        LeadStatus.Filled => "filled",
        LeadStatus.Expired => "expired",
        LeadStatus.Withdrawn => "withdrawn",
        _ => "open",
    };

    private static void AppendFacts(StringBuilder text, JobLead lead)
    {
        text.Append(CultureInfo.InvariantCulture, $"Where: {Where(lead)} · Type: {JobTypes.Name(lead.Type)}\n");
        if (lead.Unposted)
        {
            text.Append(HeadsUp).Append('\n');
        }

        if (lead.Deadline is { } deadline)
        {
            text.Append(CultureInfo.InvariantCulture, $"Apply by: {deadline:yyyy-MM-dd}\n");
        }

        if (lead.Salary is { } salary)
        {
            text.Append("Salary: ").Append(salary).Append('\n');
        }

        if (lead.Tags.Count > 0)
        {
            text.Append("Tags: ").Append(string.Join(", ", lead.Tags)).Append('\n');
        }

        if (lead.Link is { } link)
        {
            text.Append("Link: ").Append(link).Append('\n');
        }

        if (lead.Note is { } note)
        {
            text.Append("Note: ").Append(note).Append('\n');
        }
    }
}
