using NetworkingBot.Core.Pairing;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>
/// The honest quality figure (W - F) / (B - F): the fresh and recency part F is what every repeat-free perfect
/// matching gets, so the ratio measures only the preferences, and with a true bound it never overstates them.
/// </summary>
public sealed class PreferenceRatioTests
{
    [Fact]
    public void The_fresh_part_is_what_fresh_pairs_without_any_shared_preference_weigh()
    {
        var request = Community.Request([Community.Member("a"), Community.Member("b", timeZone: "Asia/Kolkata")], round: 3);
        var scorer = MaxWeightPairingEngine.ScorerFor(request);
        var small = scorer.Weights.Scale;
        var large = new WeightScale(100_000);

        var bare = large.Weight(fresh: true, PairCriteria.RecencyCap, hours: 0, interests: 0, mentor: 0, region: 0, jitter: 0);

        Assert.Equal((Int128)bare * 50_000, large.FreshPart(50_000));
        Assert.True(large.FreshPart(50_000) > long.MaxValue, "50,000 fresh pairs must not wrap around 2^63");
        Assert.InRange(scorer.Weight(0, 1) - (long)small.FreshPart(1), 0, small.Multiplier(1) - 1);
    }

    [Theory]
    [InlineData(120, 1)]
    [InlineData(200, 2)]
    public void Blocks_ratio_against_the_bound_never_exceeds_the_ratio_against_the_true_optimum(int n, int seed)
    {
        var random = new Random(seed);
        var members = Community.RandomMembers(random, n);
        var request = Community.Request(members, round: 1, seed: seed);
        var scale = MaxWeightPairingEngine.ScorerFor(request).Weights.Scale;
        var exactOptions = PairingEngineOptions.Default with { RepeatFreeLimit = 0 };

        var (_, blocks) = new MaxWeightPairingEngine(exactOptions with { ExactLimit = 30, BlockSize = 24 }).PlanWithProof(request);
        var (_, exact) = new MaxWeightPairingEngine(exactOptions).PlanWithProof(request);
        var fresh = scale.FreshPart(n / 2);

        var certified = blocks!.PreferenceRatio(fresh);
        var truth = (double)(blocks.Weight - fresh) / (double)(exact!.Weight - fresh);
        Assert.Equal(1.0, exact.PreferenceRatio(fresh));
        Assert.True(certified <= truth, $"certified {certified} above the true ratio {truth}");
        Assert.InRange(truth, 0.5, 1.0);
        Assert.True((double)blocks.Weight / (double)blocks.Bound > 0.99999, "the plain weight ratio hides the loss, which is why it is not reported");
        Assert.True(certified < 0.99999);
    }
}
