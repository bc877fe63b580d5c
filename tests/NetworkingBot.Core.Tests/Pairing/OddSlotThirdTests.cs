using NetworkingBot.Core.Pairing;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>
/// An odd round matched waking slot by waking slot takes its trio's third, among the members the fairness rules
/// leave tied, from a slot with an odd count, so every slot pairs within itself and the join needs no solve.
/// </summary>
public sealed class OddSlotThirdTests
{
    // Above the table limit and at most the exact limit: the round is matched slot by slot (ExactBlockMatcher).
    private static readonly PairingEngineOptions Slotted = PairingEngineOptions.Default with { RepeatFreeLimit = 0, TableLimit = 20, BlockSize = 24 };

    /// <summary>21 members in London and 20 in Tokyo: waking hours apart, so two slots, the first odd.</summary>
    private static List<PairingMember> TwoZones(Random random) =>
        [.. Community.RandomMembers(random, 41).Select((m, i) => m with { Profile = m.Profile with { TimeZone = i < 21 ? "Europe/London" : "Asia/Tokyo" } })];

    /// <summary>The member the matching left out: the trio's third, before it was attached to a pair.</summary>
    private static string Third(PairingRequest request, out PairingPlan plan)
    {
        var (planned, proof) = new MaxWeightPairingEngine(Slotted).PlanWithProof(request);
        plan = planned;
        var paired = proof!.Pairs.SelectMany(p => new[] { p.A, p.B }).ToHashSet();
        return request.Members[Enumerable.Range(0, request.Members.Count).Single(i => !paired.Contains(i))].UserId;
    }

    [Fact]
    public void Among_members_equally_due_the_third_comes_from_the_odd_slot()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var members = TwoZones(new Random(seed));
            var london = members.Take(21).Select(m => m.UserId).ToHashSet();
            var request = Community.Request(members, PairingHistory.Empty, round: 1, seed: seed);

            var third = Third(request, out var plan);

            PairingEngineInvariantTests.AssertValid(request, plan);
            Assert.True(london.Contains(third), $"seed {seed}: the third {third} is from the even slot");
        }
    }

    [Fact]
    public void The_fairness_rules_still_come_first()
    {
        // Everyone in the odd slot was in last round's trio: the third must come from the even slot, and among its
        // members from those with the fewest trios.
        for (var seed = 1; seed <= 10; seed++)
        {
            var members = TwoZones(new Random(seed));
            var london = members.Take(21).Select(m => m.UserId).ToList();
            var tokyo = members.Skip(21).Select(m => m.UserId).ToList();
            var counts = tokyo.ToDictionary(id => id, id => id == tokyo[seed % tokyo.Count] ? 0 : 1);
            var request = Community.Request(members, Community.History([], lastTrio: london, trioCounts: counts), round: 2, seed: seed);

            var third = Third(request, out var plan);

            PairingEngineInvariantTests.AssertValid(request, plan);
            Assert.Equal(tokyo[seed % tokyo.Count], third);
        }
    }
}
