using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Says plainly when a member's wish could not be met by their group, instead of leaving the "why" silent about it:
/// an in-person member with nobody in their region who can meet in person, someone looking for a mentor with no
/// mentor-minded partner, a would-be mentor with nobody early in their career. The pairing's own reading of a
/// profile decides (<see cref="MemberTraits"/>), so the note never disagrees with how the group was chosen.
/// </summary>
public static class WishNotes
{
    /// <summary>
    /// One sentence per unmet wish in the group, in member order; the member <paramref name="readerId"/> (when
    /// given) is addressed as "you", everyone else by name.
    /// </summary>
    public static IReadOnlyList<string> For(IReadOnlyList<Member> group, string? readerId, DateTimeOffset roundTime)
    {
        var traits = group.Select((m, i) => MemberTraits.Create(i, PairingInput.Of(m), roundTime, 0)).ToList();
        var notes = new List<string>();
        foreach (var self in traits)
        {
            var others = traits.Where(t => t.Index != self.Index).ToList();
            var you = self.Id == readerId;
            var who = you ? "You" : MemberNames.Of(self.Member.DisplayName, self.Id);
            if (self.Profile.Format == PairingFormat.InPerson && !others.Any(o => o.OpenToInPerson && SameRegion(self, o)))
            {
                var where = self.Region is null ? "nearby" : $"in {self.Region}";
                notes.Add($"{who} asked to meet in person, but nobody {where} who meets in person was free this round, so this one is a video call.");
            }

            if (self.Profile.LookingFor == PairingLookingFor.Mentor && !others.Any(o => o.MentorMinded))
            {
                notes.Add($"{who} {(you ? "are" : "is")} looking for a mentor, but no mentor was available this round; a peer conversation can still open doors.");
            }

            if (self.Profile.LookingFor == PairingLookingFor.Mentee && !others.Any(o => o.MenteeMinded))
            {
                notes.Add($"{who} would like to mentor, but nobody early in their career was free this round.");
            }
        }

        return notes;
    }

    private static bool SameRegion(MemberTraits a, MemberTraits b) =>
        a.Region is not null && b.Region is not null && string.Equals(a.Region, b.Region, StringComparison.OrdinalIgnoreCase);
}
