using NetworkingBot.Core.Network;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>
/// The benchmark's community, generated the same way for every store: <see cref="Members"/> members with
/// <see cref="ContactsEach"/> contacts each, plus one heavy member with <see cref="HeavyContacts"/> contacts and a
/// note on each. Every entry has one reconnect nudge, due spread evenly over 100 days from <see cref="Start"/>, so
/// about 1% is due at <see cref="SweepInstant"/>.
/// </summary>
public sealed record Population(int Members, int ContactsEach, int HeavyContacts)
{
    public const string Community = "discord:1";
    public const string HeavyOwner = "heavy";

    /// <summary>The note on each of the heavy member's contacts, so the export carries notes as a diligent member's would.</summary>
    public const string NoteText = "Talked about digitisation grants; send the IMLS link.";

    // A fixed start, so every run builds the same file and sweeps the same instant.
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private const int DueSpreadSeconds = 100 * 86_400;

    public static DateTimeOffset SweepInstant => Start.AddDays(1);

    public long Entries => ((long)Members * ContactsEach) + HeavyContacts;

    public static string MemberId(int index) => "m" + index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every owner's contacts in primary-key order (owner, then other member), the heavy member last.</summary>
    public IEnumerable<NetworkContact> Contacts()
    {
        var others = new int[ContactsEach];
        for (var owner = 0; owner < Members; owner++)
        {
            // Strides of 1,999 never wrap onto each other below 50 contacts in 100,000, so the others are distinct.
            for (var k = 0; k < ContactsEach; k++)
            {
                others[k] = (owner + ((k + 1) * 1_999)) % Members;
            }

            Array.Sort(others, (a, b) => string.CompareOrdinal(MemberId(a), MemberId(b)));
            foreach (var other in others)
            {
                yield return Contact(MemberId(owner), MemberId(other), (owner * ContactsEach) + other);
            }
        }

        for (var other = 0; other < HeavyContacts; other++)
        {
            yield return Contact(HeavyOwner, MemberId(other), other);
        }
    }

    /// <summary>The reconnect nudge of an entry, its due time a deterministic spread over 100 days.</summary>
    public static NetworkNudge NudgeFor(NetworkContact contact, long sequence) =>
        new(contact.CommunityId, contact.OwnerId, contact.OtherId, NudgeKind.Reconnect, Start.AddSeconds(sequence * 7_919 % DueSpreadSeconds));

    private static NetworkContact Contact(string owner, string other, long seed) =>
        new(Community, owner, other, $"coffee chat, round {seed % 60}", Start.AddDays(-400 + (seed % 200)), Start.AddDays(-(seed % 180)),
            RemindersOn: true, Planned: false, FormerMember: false);
}
