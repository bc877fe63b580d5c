using System.Globalization;

namespace NetworkingBot.Core.Network;

/// <summary>The program's user-facing wording in one place, so handlers, nudges and tests agree on it.</summary>
public static class NetworkTexts
{
    /// <summary>A day as members read it: "3 March 2026".</summary>
    public static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A day as members read it: "3 March 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>How a contact is named in its owner's log: "a former member" once they asked to be forgotten.</summary>
    public static string Name(NetworkContact contact, NetworkPerson? person)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.FormerMember ? NetworkForgetting.FormerMemberName : person?.DisplayName ?? "@" + contact.OtherId;
    }

    /// <summary>One line of <c>/network list</c>.</summary>
    public static string Line(NetworkContact contact, NetworkPerson? person)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var spoke = contact.Planned ? "meeting planned" : $"last spoke {Day(contact.LastSpoke)}";
        return $"• {Name(contact, person)} — {contact.How}; {spoke}";
    }

    /// <summary>The refusal for a member who is not in the actor's log.</summary>
    public static Commands.UserError NotInLog(string otherId) =>
        new("not_in_log", $"@{Commands.Text.MemberText.Clean(otherId)} is not in your network log; `/network list` shows who is. Nothing changed.");
}
