using NetworkingBot.Core.Pairing;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>A member's traits as the pairing reads them: tags normalised, the waking window resolved once per zone.</summary>
public sealed class MemberTraitsTests
{
    private static readonly DateTimeOffset RoundTime = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Interests_are_trimmed_lower_cased_without_blanks_or_duplicates_in_ordinal_order()
    {
        var traits = MemberTraits.Create(0, Member("a", [" Metadata", "archives", "", "  ", "ARCHIVES ", "digital preservation", "Metadata"], "UTC"), RoundTime, 0);

        Assert.Equal(["archives", "digital preservation", "metadata"], traits.Interests);
        Assert.Empty(MemberTraits.Create(0, Member("b", [], "UTC"), RoundTime, 0).Interests);
    }

    [Fact]
    public void A_round_resolves_each_time_zone_once_and_every_member_gets_the_start_of_their_own_zone()
    {
        string[] zones = ["America/Chicago", "Europe/Berlin", "America/Chicago", "Not/AZone", "", "Europe/Berlin"];
        var members = zones.Select((z, i) => Member($"m{i}", [], z)).ToList();
        var starts = MemberTraits.Starts(members, RoundTime);
        var traits = members.Select((m, i) => MemberTraits.Create(i, m, RoundTime, 0, starts)).ToList();

        // Chicago is UTC-5 in July (08:00 there is 13:00 UTC), Berlin UTC+2 (06:00 UTC); unknown and empty are UTC.
        Assert.Equal([13 * 60, 6 * 60, 13 * 60, 8 * 60, 8 * 60, 6 * 60], traits.Select(t => t.WakeStartUtc));
        Assert.Equal(4, starts.Count);
        Assert.Equal(traits.Select(t => t.WakeStartUtc), zones.Select((z, i) => MemberTraits.Create(i, Member($"m{i}", [], z), RoundTime, 0).WakeStartUtc));
    }

    [Fact]
    public void Shared_interests_are_the_interests_both_hold_in_order()
    {
        var random = new Random(5);
        string[] vocabulary = ["Archives", "metadata", " cataloguing", "Rare Books", "rare books", "digital preservation", "", "outreach", "Zines"];
        for (var i = 0; i < 500; i++)
        {
            string[] Draw() => [.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => vocabulary[random.Next(vocabulary.Length)])];
            var (x, y) = (MemberTraits.Create(0, Member("x", Draw(), "UTC"), RoundTime, 0), MemberTraits.Create(1, Member("y", Draw(), "UTC"), RoundTime, 0));

            Assert.Equal(x.Interests.Where(y.Interests.Contains).ToArray(), PairScorer.SharedInterests(x, y));
        }
    }

    private static PairingMember Member(string id, string[] interests, string zone) =>
        new(id, id, new PairingProfile(interests, zone, PairingStage.MidCareer, PairingLookingFor.Peer, PairingFormat.Virtual, null));
}
