using System.Globalization;
using System.Text;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// What the job-leads program says. Lead fields are already cleaned by <see cref="MemberText"/>. A card or a DM
/// quotes the note only in part (<see cref="NoteExcerpt"/>), so a lead at every field's maximum still fits one
/// message on every platform; <c>/job show</c> (<see cref="Details"/>) has the whole note.
/// </summary>
public static class JobTexts
{
    public const string HeadsUp = "Heads-up: not yet posted publicly";

    /// <summary>
    /// How much of a note a card or DM quotes: a few lines say what the note is about. Every other field is short
    /// enough to quote whole, and the link, names and dates are what a reader acts on.
    /// </summary>
    public const int NoteExcerpt = 280;

    /// <summary>How many lines of a note a card or DM quotes (a note of 1,000 line breaks is 1,000 characters too).</summary>
    public const int NoteExcerptLines = 4;

    /// <summary>The channel post for a new lead: a bold headline, then one fact per line.</summary>
    public static string Post(JobLead lead)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**New job lead #{lead.Number}: {lead.Title}** — {lead.Employer}\n");
        AppendFacts(text, lead, whole: false);
        text.Append(lead.Anonymous ? "Shared anonymously" : $"Shared by {CoffeeTexts.Mention(lead.SharerId)}");
        text.Append(CultureInfo.InvariantCulture, $" · `/job list` for more, `/job subscribe` to hear of leads like this");
        return text.ToString();
    }

    /// <summary>An instant DM to a subscriber: the lead itself, without pinging its sharer.</summary>
    public static string Instant(JobLead lead)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"A new job lead matches your subscription: **#{lead.Number} {lead.Title}** — {lead.Employer}\n");
        AppendFacts(text, lead, whole: false);
        text.Append("`/job subscriptions` shows what you follow; `/job unsubscribe` stops these.");
        return text.ToString();
    }

    /// <summary>
    /// The whole lead, note included, for <c>/job show</c>: the one place a member reads a long note in full. A closed
    /// lead shows its closed form, which leaves out the link and note on purpose.
    /// </summary>
    public static string Details(JobLead lead, TimeZoneInfo zone)
    {
        if (!lead.IsOpen)
        {
            return ClosedPost(lead, zone);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Job lead #{lead.Number}: {lead.Title}** — {lead.Employer}\n");
        AppendFacts(text, lead, whole: true);
        text.Append(lead.Anonymous ? "Shared anonymously" : $"Shared by {CoffeeTexts.Mention(lead.SharerId)}");
        text.Append(CultureInfo.InvariantCulture, $" on {lead.SharedAt:yyyy-MM-dd}");
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

    /// <summary>
    /// A closed lead's channel post, edited in place: what it was (title, employer, where, type, who shared it) stays
    /// readable, the status leads, and the link, deadline and note go, so nobody scanning the channel applies to it.
    /// </summary>
    public static string ClosedPost(JobLead lead, TimeZoneInfo zone)
    {
        var on = lead.ClosedAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : (DateOnly?)null;
        var when = on is { } d ? string.Create(CultureInfo.InvariantCulture, $"Closed {d:yyyy-MM-dd}") : "Closed";
        var why = lead.Status switch
        {
            JobLeadStatus.Filled => "the position has been filled.",
            JobLeadStatus.Withdrawn => "withdrawn; it is no longer taking applications.",
            JobLeadStatus.Expired when lead.ClosedBy is null => ExpiryReason(lead) + ".",
            _ => "expired.",
        };
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{StatusTitle(lead.Status)}: job lead #{lead.Number}, {lead.Title}** — {lead.Employer}\n");
        text.Append(when).Append(": ").Append(why).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Where: {Where(lead)} · Type: {JobTypes.Name(lead.Type)}\n");
        text.Append(lead.Anonymous ? "Shared anonymously" : $"Shared by {CoffeeTexts.Mention(lead.SharerId)}");
        text.Append(" · `/job list` shows the leads still open");
        return text.ToString();
    }

    /// <summary>
    /// The channel follow-up for a closed lead whose post could not be edited (none recorded, deleted, or a
    /// platform without edits).
    /// </summary>
    public static string Closed(JobLead lead)
    {
        var text = $"Lead #{lead.Number} **{lead.Title}** — {lead.Employer} is closed: {StatusWord(lead.Status)}.";
        return lead.Status == JobLeadStatus.Expired && lead.ClosedBy is null ? $"{text} ({ExpiryReason(lead)})" : text;
    }

    public static string StatusWord(JobLeadStatus status) => status switch
    {
        JobLeadStatus.Filled => "filled",
        JobLeadStatus.Expired => "expired",
        JobLeadStatus.Withdrawn => "withdrawn",
        _ => "open",
    };

    private static void AppendFacts(StringBuilder text, JobLead lead, bool whole)
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
            var quoted = whole ? note : Excerpt.Of(note, NoteExcerpt, NoteExcerptLines);
            text.Append("Note: ").Append(quoted);
            if (!string.Equals(quoted, note, StringComparison.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $" (the whole note: `/job show lead:{lead.Number}`)");
            }

            text.Append('\n');
        }
    }

    /// <summary>Why the schedule expired a lead: its deadline, or its age.</summary>
    private static string ExpiryReason(JobLead lead) => lead.Deadline is { } deadline
        ? string.Create(CultureInfo.InvariantCulture, $"its deadline ({deadline:yyyy-MM-dd}) has passed")
        : string.Create(CultureInfo.InvariantCulture, $"leads close {Math.Round((lead.ExpiresAt - lead.SharedAt).TotalDays):0} days after they are shared");

    private static string StatusTitle(JobLeadStatus status) => status switch
    {
        JobLeadStatus.Filled => "Filled",
        JobLeadStatus.Expired => "Expired",
        JobLeadStatus.Withdrawn => "Withdrawn",
        _ => "Open",
    };
}
