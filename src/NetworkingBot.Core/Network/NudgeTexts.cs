using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network;

/// <summary>What each follow-up nudge says and the buttons it carries; the buttons run <c>/network nudge</c>.</summary>
public static class NudgeTexts
{
    /// <summary>
    /// The lines of one nudge about <paramref name="name"/>; a month-later nudge names <paramref name="lead"/> when
    /// an open lead matches the contact's interests.
    /// </summary>
    public static string Text(NudgeKind kind, string name, NetworkContact contact, UsefulLead? lead = null)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return kind switch
        {
            NudgeKind.ThankYou => $"Did you thank {name} for the chat? A short note within a day is remembered.",
            NudgeKind.MonthLater when lead is not null =>
                $"It's been a month since you met {name}. Share something useful: an article, an event, or a lead: "
                + $"job lead #{lead.Number} {lead.Title} at {lead.Employer} (`{lead.ShowCommand}`).",
            NudgeKind.MonthLater => $"It's been a month since you met {name}. Share something useful: an article, an event, or a lead.",
            _ => $"You last spoke with {name} on {NetworkTexts.Day(contact.LastSpoke)}.",
        };
    }

    /// <summary>The buttons of one nudge; each names the contact, so several nudges can share one message.</summary>
    public static IEnumerable<ButtonSpec> Buttons(NudgeKind kind, string otherId, string name)
    {
        string Press(string answer) => $"/network nudge member:{otherId} answer:{answer}";
        return kind switch
        {
            NudgeKind.ThankYou => [new($"Sent it ({name})", Press("sent"), ButtonStyle.Primary), new($"Skip ({name})", Press("skip"))],
            NudgeKind.MonthLater =>
            [
                new($"Done ({name})", Press("done"), ButtonStyle.Primary), new("Remind me in 2 weeks", Press("later")),
                new($"Stop reminders about {name}", Press("stop"), ButtonStyle.Danger),
            ],
            _ =>
            [
                new($"We spoke recently ({name})", Press("spoke"), ButtonStyle.Primary), new("Remind me in a month", Press("month")),
                new($"Stop reminders about {name}", Press("stop"), ButtonStyle.Danger),
            ],
        };
    }
}
