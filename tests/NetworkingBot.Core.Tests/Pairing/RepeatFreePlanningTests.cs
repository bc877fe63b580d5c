using NetworkingBot.Core.Pairing;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>An even, stable membership of N stays repeat-free for exactly N-1 rounds (everyone meets everyone once).</summary>
public sealed class RepeatFreePlanningTests
{
    private readonly MaxWeightPairingEngine engine = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_hundred_members_get_ninety_nine_repeat_free_rounds(bool regionClustered)
    {
        var members = regionClustered ? Clustered(new Random(100), 100) : Community.RandomMembers(new Random(100), 100);

        var (repeatFree, history) = RunUntilRepeat(members, maxRounds: 100);

        Assert.Equal(99, repeatFree);
        Assert.Equal(100 * 99 / 2, history.LastMetRound.Count);
    }

    [Fact]
    public void Free_round_by_round_optimisation_can_strand_the_last_fresh_pairs()
    {
        // The best fresh matching of every round can leave fresh pairs forming odd cycles, which have no
        // perfect matching: some of these communities stop short of n-1; the schedule never does.
        var free = new MaxWeightPairingEngine(PairingEngineOptions.Default with { RepeatFreeLimit = 0 });
        var shortfalls = 0;
        foreach (var n in new[] { 12, 18, 20, 40 })
        {
            for (var seed = 0; seed < 6; seed++)
            {
                var members = seed % 2 == 0 ? Community.RandomMembers(new Random((n * 100) + seed), n) : Clustered(new Random((n * 100) + seed), n);
                shortfalls += RunUntilRepeat(members, maxRounds: n, seedBase: seed, planner: free).RepeatFree < n - 1 ? 1 : 0;
                Assert.Equal(n - 1, RunUntilRepeat(members, maxRounds: n, seedBase: seed).RepeatFree);
            }
        }

        Assert.True(shortfalls > 0, "free optimisation reached n-1 everywhere; the example no longer shows the problem");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(18)]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    [InlineData(40)]
    public void Every_even_size_reaches_n_minus_one_rounds_over_several_seeds(int n)
    {
        for (var seed = 0; seed < 4; seed++)
        {
            var random = new Random((n * 100) + seed);
            var members = seed % 2 == 0 ? Community.RandomMembers(random, n) : Clustered(random, n);
            Assert.Equal(n - 1, RunUntilRepeat(members, maxRounds: n, seedBase: seed).RepeatFree);
        }
    }

    [Fact]
    public void Round_one_is_the_free_optimum_and_schedule_rounds_report_its_cost()
    {
        var members = Community.RandomMembers(new Random(7), 20);
        var first = new MaxWeightPairingEngine().PlanWithProof(Community.Request(members, round: 1, seed: 1));
        Assert.True(first.Proof!.Exact);
        Assert.Equal(first.Proof.Weight, first.Proof.Bound);

        var history = Community.After(PairingHistory.Empty, first.Plan, 1);
        var second = new MaxWeightPairingEngine().PlanWithProof(Community.Request(members, history, round: 2, seed: 2));
        Assert.False(second.Proof!.Exact);
        Assert.True(second.Proof.Weight <= second.Proof.Bound);
        Assert.Equal(0, second.Plan.RepeatPairs);
    }

    private (int RepeatFree, PairingHistory History) RunUntilRepeat(List<PairingMember> members, int maxRounds, int seedBase = 0, MaxWeightPairingEngine? planner = null)
    {
        planner ??= engine;
        var history = PairingHistory.Empty;
        for (var round = 1; round <= maxRounds; round++)
        {
            var plan = planner.Plan(Community.Request(members, history, round: round, seed: (seedBase * 1000) + round));
            if (plan.RepeatPairs > 0)
            {
                return (round - 1, history);
            }

            history = Community.After(history, plan, round);
        }

        return (maxRounds, history);
    }

    /// <summary>Members in clusters sharing a time zone, a city and interests: the profile that strands greedy rounds soonest.</summary>
    internal static List<PairingMember> Clustered(Random random, int n)
    {
        string[] zones = ["America/Chicago", "Europe/London", "Asia/Kolkata", "Australia/Sydney"];
        string[] cities = ["Chicago", "Leeds", "Pune", "Perth"];
        string[] tags = ["archives", "metadata", "law", "youth-services", "systems", "data"];
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var c = random.Next(zones.Length);
            return new PairingMember($"c{i:D3}", $"Member {i}", new PairingProfile(
                [tags[c], tags[(c + random.Next(2)) % tags.Length]], zones[c], (PairingStage)random.Next(1, 6),
                (PairingLookingFor)random.Next(4), random.Next(3) == 0 ? PairingFormat.InPerson : PairingFormat.Virtual, cities[c]));
        })];
    }
}
