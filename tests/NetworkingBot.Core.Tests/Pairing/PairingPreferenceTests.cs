using NetworkingBot.Core.Pairing;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>What the engine prefers, one criterion at a time, and what the "why" line tells members.</summary>
public sealed class PairingPreferenceTests
{
    private readonly MaxWeightPairingEngine engine = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Shared_interests_pair_up(int seed)
    {
        List<PairingMember> members =
        [
            Community.Member("ana", ["archives"]), Community.Member("cai", ["law"]),
            Community.Member("bea", ["archives", "music"]), Community.Member("dov", ["law"]),
        ];

        var plan = engine.Plan(Community.Request(members, seed: seed));

        Assert.Equal(["ana+bea", "cai+dov"], Groups(plan));
        Assert.StartsWith("You both work in archives", plan.Groups.Single(g => g.Members.Contains("ana")).Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Overlapping_waking_hours_come_before_shared_interests(int seed)
    {
        // Kolkata and Chicago have no waking hours in common, so the shared interest must give way.
        List<PairingMember> members =
        [
            Community.Member("ana", ["archives"], "America/Chicago"), Community.Member("bea", ["archives"], "Asia/Kolkata"),
            Community.Member("cai", ["law"], "America/Chicago"), Community.Member("dov", ["law"], "Asia/Kolkata"),
        ];

        var plan = engine.Plan(Community.Request(members, seed: seed));

        Assert.Equal(["ana+cai", "bea+dov"], Groups(plan));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_mentee_meets_the_one_who_wants_to_mentor(int seed)
    {
        List<PairingMember> members =
        [
            Community.Member("ana", stage: PairingStage.Student, lookingFor: PairingLookingFor.Mentor),
            Community.Member("bea", stage: PairingStage.MidCareer, lookingFor: PairingLookingFor.Peer),
            Community.Member("cai", stage: PairingStage.Senior, lookingFor: PairingLookingFor.Mentee),
            Community.Member("dov", stage: PairingStage.MidCareer, lookingFor: PairingLookingFor.Peer),
        ];

        var plan = engine.Plan(Community.Request(members, seed: seed));

        Assert.Equal(["ana+cai", "bea+dov"], Groups(plan));
        Assert.Contains("Ana is looking for a mentor and Cai would like to mentor", plan.Groups.Single(g => g.Members.Contains("ana")).Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void In_person_members_meet_someone_from_their_region(int seed)
    {
        List<PairingMember> members =
        [
            Community.Member("ana", format: PairingFormat.InPerson, region: "Leeds"),
            Community.Member("cai", format: PairingFormat.InPerson, region: "York"),
            Community.Member("bea", format: PairingFormat.InPerson, region: "leeds "),
            Community.Member("dov", format: PairingFormat.InPerson, region: "York"),
        ];

        var plan = engine.Plan(Community.Request(members, seed: seed));

        Assert.Equal(["ana+bea", "cai+dov"], Groups(plan));
        Assert.Contains("in person", plan.Groups.Single(g => g.Members.Contains("cai")).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fresh_partner_beats_everything_shared_with_a_past_one()
    {
        List<PairingMember> members =
        [
            Community.Member("ana", ["archives", "metadata"]), Community.Member("bea", ["archives", "metadata"]),
            Community.Member("cai", ["law"], "Asia/Kolkata"), Community.Member("dov", ["music"], "Australia/Sydney"),
        ];
        var history = Community.History([("ana", "bea", 9)]);

        var plan = engine.Plan(Community.Request(members, history, round: 10));

        Assert.Equal(0, plan.RepeatPairs);
        Assert.DoesNotContain("ana+bea", Groups(plan));
    }

    [Fact]
    public void When_everyone_has_met_the_longest_unmet_pairs_meet_and_the_why_says_so()
    {
        List<PairingMember> members = [Community.Member("ana"), Community.Member("bea"), Community.Member("cai"), Community.Member("dov")];
        var history = Community.History([("ana", "bea", 9), ("cai", "dov", 9), ("ana", "cai", 8), ("bea", "dov", 8), ("ana", "dov", 3), ("bea", "cai", 3)]);

        var plan = engine.Plan(Community.Request(members, history, round: 10));

        Assert.Equal(["ana+dov", "bea+cai"], Groups(plan));
        Assert.Equal(2, plan.RepeatPairs);
        Assert.All(plan.Groups, g => Assert.StartsWith("You met in round 3", g.Why, StringComparison.Ordinal));
    }

    [Fact]
    public void The_why_of_a_trio_names_every_member()
    {
        List<PairingMember> members =
        [
            Community.Member("ana", ["archives"], stage: PairingStage.Student, lookingFor: PairingLookingFor.Mentor),
            Community.Member("bea", ["archives"], stage: PairingStage.Senior, lookingFor: PairingLookingFor.Mentee),
            Community.Member("cai", ["law"]),
        ];

        var plan = engine.Plan(Community.Request(members));

        var why = Assert.Single(plan.Groups).Why;
        Assert.All(["Ana", "Bea", "Cai"], name => Assert.Contains(name, why, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("completes the trio as a fresh face", why, StringComparison.Ordinal);
    }

    private static List<string> Groups(PairingPlan plan) =>
        [.. plan.Groups.Select(g => string.Join('+', g.Members.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
}
