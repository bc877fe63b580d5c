using NetworkingBot.Core.Pairing;
using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

public sealed class PairingEngineInvariantTests
{
    private readonly MaxWeightPairingEngine engine = new();

    [Fact]
    public void Every_generated_community_gets_a_valid_deterministic_plan()
    {
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var n = seed % 41;
            var members = Community.RandomMembers(random, n);
            var groupSize = seed % 3 == 0 ? 3 : 2;
            var request = Community.Request(members, Community.RandomHistory(random, members, 12), groupSize, round: 12, seed: seed);

            var plan = engine.Plan(request);

            AssertValid(request, plan);
            Assert.Equal(Describe(plan), Describe(engine.Plan(request)));
        }
    }

    [Fact]
    public void Repeats_are_the_fewest_possible_for_even_communities_with_random_histories()
    {
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(1000 + seed);
            var n = 2 * random.Next(1, 16);
            var members = Community.RandomMembers(random, n);
            var request = Community.Request(members, Community.RandomHistory(random, members, 8), round: 8, seed: seed);

            var plan = engine.Plan(request);

            Assert.Equal(n / 2 - MaxFreshPairs(request), plan.RepeatPairs);
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(10)]
    public void Stable_even_membership_never_repeats_while_a_fresh_perfect_matching_exists(int n)
    {
        var members = Community.RandomMembers(new Random(n), n);
        var history = PairingHistory.Empty;
        for (var round = 1; round <= 3 * n; round++)
        {
            var request = Community.Request(members, history, round: round, seed: round);
            var plan = engine.Plan(request);
            var fresh = MaxFreshPairs(request);
            Assert.Equal(n / 2 - fresh, plan.RepeatPairs);
            if (fresh == n / 2)
            {
                Assert.Equal(0, plan.RepeatPairs);
            }

            history = Community.After(history, plan, round);
        }

        // Everyone met everyone within the first rounds of a complete schedule's length, give or take.
        Assert.Equal(n * (n - 1) / 2, history.LastMetRound.Count);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(11)]
    [InlineData(15)]
    public void Trios_rotate_fairly_over_thirty_rounds(int n)
    {
        var members = Community.RandomMembers(new Random(n * 7), n);
        var history = PairingHistory.Empty;
        for (var round = 1; round <= 30; round++)
        {
            var plan = engine.Plan(Community.Request(members, history, round: round, seed: round * 31));
            var trio = Assert.Single(plan.Groups, g => g.Members.Count == 3);
            Assert.DoesNotContain(trio.Members, history.InLastTrio.Contains);
            history = Community.After(history, plan, round);
        }

        var counts = members.Select(m => history.TrioCounts.GetValueOrDefault(m.UserId)).ToList();
        Assert.True(counts.Max() - counts.Min() <= 1, $"trio counts {string.Join(",", counts)}");
    }

    [Theory]
    [InlineData(21, 1)]
    [InlineData(31, 2)]
    [InlineData(45, 3)]
    public void Trio_counts_never_differ_by_more_than_one_even_after_fresh_pairs_run_out(int n, int seed)
    {
        // Long enough that every pair has met: fairness must hold when repeats compete with it.
        var members = Community.RandomMembers(new Random(seed), n);
        var history = PairingHistory.Empty;
        for (var round = 1; round <= n + 10; round++)
        {
            var plan = engine.Plan(Community.Request(members, history, round: round, seed: round));
            history = Community.After(history, plan, round);
            var counts = members.Select(m => history.TrioCounts.GetValueOrDefault(m.UserId)).ToList();
            Assert.True(counts.Max() - counts.Min() <= 1, $"round {round}: trio counts {string.Join(",", counts)}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Five_members_prefer_a_fresh_partner_to_keeping_everyone_from_last_trio_out(int seed)
    {
        // Only two members sit outside last round's trio, so one of it must join the new trio anyway.
        // Then the round has one repeated pair (inside the trio), never a repeated pair of two.
        string[] ids = ["ana", "bob", "cat", "dan", "eve"];
        var members = ids.Select(id => Community.Member(id)).ToList();
        var history = Community.History([("ana", "bob", 1), ("ana", "cat", 1), ("bob", "cat", 1), ("dan", "eve", 1)], lastTrio: ["ana", "bob", "cat"]);

        var plan = engine.Plan(Community.Request(members, history, round: 2, seed: seed));

        Assert.Equal(1, plan.RepeatPairs);
        var pair = Assert.Single(plan.Groups, g => g.Members.Count == 2);
        Assert.DoesNotContain(PairKey.Of(pair.Members[0], pair.Members[1]), history.LastMetRound.Keys);
    }

    internal static void AssertValid(PairingRequest request, PairingPlan plan)
    {
        var n = request.Members.Count;
        var seen = plan.Groups.SelectMany(g => g.Members).Concat(plan.Unmatched).ToList();
        Assert.Equal(request.Members.Select(m => m.UserId).Order(), seen.Order());
        Assert.Equal(n == 1 ? 1 : 0, plan.Unmatched.Count);
        var sizes = plan.Groups.Select(g => g.Members.Count).ToList();
        if (n >= 2 && request.GroupSize == 2)
        {
            Assert.Equal(n % 2, sizes.Count(s => s == 3));
            Assert.All(sizes, s => Assert.InRange(s, 2, 3));
        }
        else if (n >= 2)
        {
            var expectedPairs = n % 3 == 1 ? 2 : n % 3 == 2 ? 1 : 0;
            Assert.Equal(expectedPairs, sizes.Count(s => s == 2));
            Assert.Equal((n - (2 * expectedPairs)) / 3, sizes.Count(s => s == 3));
        }

        var order = request.Members.Select((m, i) => (m.UserId, i)).ToDictionary(x => x.UserId, x => x.i);
        Assert.All(plan.Groups, g => Assert.Equal(g.Members.OrderBy(m => order[m]), g.Members));
        Assert.All(plan.Groups, g => Assert.InRange(g.Why.Length, 10, 200));
        var repeats = plan.Groups.Sum(g => g.Members.Sum(a => g.Members.Count(b => string.CompareOrdinal(a, b) < 0 && request.History.LastMetRound.ContainsKey(PairKey.Of(a, b)))));
        Assert.Equal(repeats, plan.RepeatPairs);
    }

    internal static string Describe(PairingPlan plan) =>
        string.Join(" | ", plan.Groups.Select(g => string.Join(",", g.Members) + ": " + g.Why)) + $" / {plan.RepeatPairs}";

    /// <summary>The largest number of pairs of members who have never met, by an independent matching.</summary>
    private static int MaxFreshPairs(PairingRequest request)
    {
        var ids = request.Members.Select(m => m.UserId).ToList();
        var edges = new List<(int, int, long)>();
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = i + 1; j < ids.Count; j++)
            {
                if (!request.History.LastMetRound.ContainsKey(PairKey.Of(ids[i], ids[j])))
                {
                    edges.Add((i, j, 1));
                }
            }
        }

        return MaxWeightMatching.Solve(ids.Count, edges, maxCardinality: true).Mate.Count(m => m >= 0) / 2;
    }
}
