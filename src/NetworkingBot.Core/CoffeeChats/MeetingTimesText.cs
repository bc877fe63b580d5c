using System.Text;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// The intro's "when to meet" lines: the suggested slots as <see cref="TimeTokens"/> (each adapter shows them in the
/// reader's own time, the shell in every member's zone), or, when the group's waking hours never overlap, an honest
/// suggestion to start asynchronously.
/// </summary>
internal static class MeetingTimesText
{
    public static void Append(StringBuilder text, Round round, IReadOnlyList<Member> everyone, string nextStep)
    {
        var zones = everyone.Select(m => m.Profile.TimeZone).ToList();
        var slots = MeetingSlots.Suggest(round.ScheduledFor, zones);
        if (slots.Count == 0)
        {
            text.Append(everyone.Count == 2 ? "Your waking hours don't overlap this week" : "Your waking hours don't all overlap this week")
                .Append(", so start asynchronously: ").Append(nextStep)
                .Append(" with a few lines (or a short voice note) about yourself and what you'd like to talk about, and answer each other when it suits you.\n");
            return;
        }

        var names = everyone.Select(m => MeetingSlots.ZoneName(m.Profile.TimeZone)).ToList();
        text.Append(everyone.Count == 2 ? "Times that suit you both" : "Times that suit all of you")
            .Append(" (30 minutes each, in your own time):\n");
        foreach (var slot in slots)
        {
            text.Append("   • ").Append(TimeTokens.Write(slot, names)).Append('\n');
        }

        text.Append("Next step: ").Append(nextStep).Append(" to pick one of these times, or another that works.\n");
    }
}
