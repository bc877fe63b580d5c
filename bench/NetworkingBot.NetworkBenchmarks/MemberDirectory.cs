using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Network;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>
/// The export as members meet it: names from the real directory over the coffee-chat member store (what the host
/// registers), so the figure includes one member read per contact. Only the heavy member's contacts are members here:
/// the export reads no one else.
/// </summary>
public static class MemberDirectory
{
    public static INetworkDirectory Over(IMemberStore members) => new NetworkDirectory([new CoffeeNetworkDirectory(members)]);

    /// <summary>The heavy member's contacts as coffee members; <paramref name="inFlight"/> 1 for SQLite, whose writers queue anyway.</summary>
    public static async Task LoadHeavyContactsAsync(IMemberStore members, Population population, int inFlight)
    {
        var profile = new MemberProfile(["archives", "metadata"], "Europe/London", CareerStage.MidCareer, LookingFor.Peer, MeetingFormat.Virtual, null, Cadence.Weekly);
        await Parallel.ForEachAsync(Enumerable.Range(0, population.HeavyContacts), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, ct) =>
            await members.UpsertAsync(new Member(
                Population.Community, Population.MemberId(i), "Member " + Population.MemberId(i), profile, MemberStatus.Active,
                Population.Start, null, false, 0, null), ct));
    }
}
