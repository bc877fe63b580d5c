using NetworkingBot.Core.Pairing;
using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>Above the exact limit: valid, deterministic plans, and a bound that really bounds the complete graph's optimum.</summary>
public sealed class BlockMatcherTests
{
    private static readonly PairingEngineOptions Exact = PairingEngineOptions.Default with { RepeatFreeLimit = 0 };
    private static readonly PairingEngineOptions Blocks = Exact with { ExactLimit = 30, BlockSize = 24 };

    [Theory]
    [InlineData(120, 1)]
    [InlineData(121, 2)]
    [InlineData(160, 3)]
    [InlineData(200, 4)]
    public void Block_plans_are_valid_and_their_bound_is_at_least_the_exact_optimum(int n, int seed)
    {
        var random = new Random(seed);
        var members = n % 40 == 0 ? RepeatFreePlanningTests.Clustered(random, n) : Community.RandomMembers(random, n);
        var request = Community.Request(members, Community.RandomHistory(random, members, 6), round: 6, seed: seed);

        var (plan, proof) = new MaxWeightPairingEngine(Blocks).PlanWithProof(request);
        var (_, exact) = new MaxWeightPairingEngine(Exact).PlanWithProof(request);

        PairingEngineInvariantTests.AssertValid(request, plan);
        Assert.Equal(PairingEngineInvariantTests.Describe(plan), PairingEngineInvariantTests.Describe(new MaxWeightPairingEngine(Blocks).Plan(request)));
        Assert.False(proof!.Exact);
        Assert.True(exact!.Exact);
        Assert.Equal(exact.Weight, exact.Bound);
        Assert.InRange(proof.Weight, Int128.Zero, exact.Weight);
        Assert.True(exact.Weight <= proof.Bound, $"bound {proof.Bound} below the optimum {exact.Weight}");
    }

    [Theory]
    [InlineData(120, 31)]
    [InlineData(160, 32)]
    public void In_one_time_zone_the_slot_exact_bound_is_the_exact_optimum(int n, int seed)
    {
        var random = new Random(seed);
        var members = Community.RandomMembers(random, n).Select(m => m with { Profile = m.Profile with { TimeZone = "Europe/London" } }).ToList();
        var request = Community.Request(members, Community.RandomHistory(random, members, 6), round: 6, seed: seed);

        var (_, blocks) = new MaxWeightPairingEngine(Blocks).PlanWithProof(request);
        var (_, exact) = new MaxWeightPairingEngine(Exact).PlanWithProof(request);

        // One slot made exact has the round's optimal duals, so the certificate is tight, and it is the blocks' plan that
        // falls short of it.
        Assert.Equal(exact!.Weight, blocks!.Bound);
        Assert.True(blocks.Weight < blocks.Bound, $"the blocks alone reached the optimum {blocks.Weight}");
    }

    [Fact]
    public void Within_each_time_zone_its_own_most_common_interest_leads_the_blocks()
    {
        // London's sixty all like maps, so maps is the round's most common tag; in Sydney vellum is (24 of 40), maps
        // is held by 8 of them. Ranked over the round, Sydney's first block would be its maps holders.
        PairingMember Member(int i, string zone, params string[] tags) =>
            new($"u{i:D3}", $"Member {i}", new PairingProfile(tags, zone, PairingStage.MidCareer, PairingLookingFor.Peer, PairingFormat.Virtual, null));
        var members = Enumerable.Range(0, 60).Select(i => Member(i, "Europe/London", "maps"))
            .Concat(Enumerable.Range(60, 24).Select(i => Member(i, "Australia/Sydney", "vellum")))
            .Concat(Enumerable.Range(84, 8).Select(i => Member(i, "Australia/Sydney", "maps", "zines")))
            .Concat(Enumerable.Range(92, 8).Select(i => Member(i, "Australia/Sydney", "zines")))
            .ToList();
        var weights = MaxWeightPairingEngine.ScorerFor(Community.Request(members, round: 9)).Weights;

        var (blocks, _) = new BlockMatcher(weights, Exact with { BlockSize = 8 }).SolveBlocks([.. Enumerable.Range(0, members.Count)]);

        var sydneyFirst = blocks.First(b => b.Members.Any(i => i >= 60));
        Assert.All(sydneyFirst.Members, i => Assert.Equal(["vellum"], members[i].Profile.Interests));
    }

    [Fact]
    public void Consecutive_rounds_cut_a_time_zone_into_different_blocks()
    {
        // Last round's partners sat in the same block; the same block again would hold members whose best pairs are
        // used up, while the optimum reaches across. Every full block of the even round straddles two of the odd one's.
        var members = Community.RandomMembers(new Random(5), 96).Select(m => m with { Profile = m.Profile with { TimeZone = "Europe/London" } }).ToList();
        BlockSolution[] BlocksOf(int round)
        {
            var weights = MaxWeightPairingEngine.ScorerFor(Community.Request(members, round: round)).Weights;
            return new BlockMatcher(weights, Blocks).SolveBlocks([.. Enumerable.Range(0, members.Count)]).Blocks;
        }

        var odd = BlocksOf(9).Select(b => b.Members.ToHashSet()).ToList();
        var even = BlocksOf(10).Where(b => b.Members.Length == 24).ToList();

        Assert.NotEmpty(even);
        Assert.All(even, b => Assert.Equal(2, odd.Count(o => o.Overlaps(b.Members))));
    }

    [Fact]
    public void Blocks_hold_members_who_share_interests_whatever_their_regions()
    {
        // Four interest circles of 24 in one time zone, in person in random cities: shared interests outrank the city,
        // so the best plan pairs every member within its circle, and blocks of 24 can only find it if each block is
        // one circle (blocks cut by city first mixed the circles, and odd counts paired members across them).
        var random = new Random(3);
        string[][] circles = [["maps", "gis", "atlases", "surveys"], ["rare-books", "bindings", "vellum", "incunabula"], ["coding", "apis", "linked-data", "sql"], ["storytime", "teens", "games", "outreach"]];
        var members = Enumerable.Range(0, 96).OrderBy(_ => random.Next()).Select((c, i) => new PairingMember(
            $"u{i:D3}",
            $"Member {i}",
            new PairingProfile([.. circles[c % 4]], "Europe/London", PairingStage.MidCareer, PairingLookingFor.Peer, PairingFormat.InPerson, $"city-{random.Next(7)}"))).ToList();
        var circleOf = members.ToDictionary(m => m.UserId, m => m.Profile.Interests[0]);

        var plan = new MaxWeightPairingEngine(Blocks).Plan(Community.Request(members, seed: 3));

        Assert.All(plan.Groups, g => Assert.Single(g.Members.Select(m => circleOf[m]).Distinct()));
    }

    [Theory]
    [InlineData(120, 5)]
    [InlineData(200, 8)]
    public void The_slot_priced_bound_is_tighter_than_each_members_best_and_still_bounds_the_optimum(int n, int seed)
    {
        var random = new Random(seed);
        var members = seed % 2 == 0 ? RepeatFreePlanningTests.Clustered(random, n) : Community.RandomMembers(random, n);
        var request = Community.Request(members, Community.RandomHistory(random, members, 6), round: 6, seed: seed);
        var engine = new MaxWeightPairingEngine(Blocks);

        var (_, perMember) = engine.PlanWithProof(request, reportOptimum: false);
        var (_, priced) = engine.PlanWithProof(request);
        var (_, exact) = new MaxWeightPairingEngine(Exact).PlanWithProof(request);

        Assert.Equal(perMember!.Weight, priced!.Weight);
        Assert.True(priced.Bound < perMember.Bound, $"priced bound {priced.Bound} not below the per-member bound {perMember.Bound}");
        Assert.True(exact!.Weight <= priced.Bound, $"priced bound {priced.Bound} below the optimum {exact.Weight}");
    }

    [Theory]
    [InlineData(150, 7)]
    [InlineData(240, 8)]
    public void The_slot_priced_duals_cover_every_pair_of_the_round(int n, int seed)
    {
        var (weights, blocks) = RandomBlocks(n, seed);

        var y = BlockBound.Duals(weights, blocks);

        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                Assert.True(y[u] + y[v] >= 2 * weights.Weight(u, v), $"pair ({u},{v}) short of {(2 * weights.Weight(u, v)) - y[u] - y[v]}");
            }
        }
    }

    [Theory]
    [InlineData(150, 7)]
    [InlineData(240, 8)]
    public void Each_member_the_slot_priced_bound_raises_is_raised_no_further_than_one_of_its_pairs_needs_give_or_take_rounding(int n, int seed)
    {
        var (weights, blocks) = RandomBlocks(n, seed);
        var own = new long[n];
        foreach (var block in blocks)
        {
            var flattened = new BlossomDuals(block.Members.Length, block.Result).Flattened();
            for (var i = 0; i < block.Members.Length; i++)
            {
                own[block.Members[i]] = flattened[i];
            }
        }

        var y = BlockBound.Duals(weights, blocks);

        // A member raised above its block's dual and above what any partner from another slot could weigh has a pair in
        // its slot that is tight (the least cover is fractional, rounded up: slack at most 1): otherwise its raise could
        // come down and the bound would be looser than needed.
        var raised = Enumerable.Range(0, n).Where(u => y[u] > Math.Max(own[u], weights.UpperBoundOutsideSlot(u))).ToList();
        Assert.NotEmpty(raised);
        Assert.All(raised, u => Assert.Contains(
            Enumerable.Range(0, n),
            v => v != u && weights.WakeSlot(v) == weights.WakeSlot(u) && y[u] + y[v] - (2 * weights.Weight(u, v)) <= 1));
    }

    /// <summary>A random round of n members (clustered for even seeds) with history, cut into blocks and solved.</summary>
    private static (PairWeights Weights, BlockSolution[] Blocks) RandomBlocks(int n, int seed)
    {
        var random = new Random(seed);
        var members = seed % 2 == 0 ? RepeatFreePlanningTests.Clustered(random, n) : Community.RandomMembers(random, n);
        var request = Community.Request(members, Community.RandomHistory(random, members, 6), round: 6, seed: seed);
        var weights = MaxWeightPairingEngine.ScorerFor(request).Weights;
        return (weights, new BlockMatcher(weights, Blocks).SolveBlocks([.. Enumerable.Range(0, n)]).Blocks);
    }
}
