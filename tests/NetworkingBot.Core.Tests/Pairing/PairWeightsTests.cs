using NetworkingBot.Core.Pairing;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

public sealed class PairWeightsTests
{
    [Fact]
    public void Fast_weights_equal_the_weight_of_the_criteria_for_every_pair()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var members = Community.RandomMembers(random, 2 + random.Next(40));
            if (seed % 2 == 0)
            {
                // More than 64 distinct tags: the multi-word tag sets.
                members = [.. members.Select((m, i) => m with { Profile = m.Profile with { Interests = [.. m.Profile.Interests, $"tag-{i % 70}", $"tag-{(i * 7) % 70}"] } })];
            }

            var request = Community.Request(members, Community.RandomHistory(random, members, 9), round: 9, seed: seed);
            var scale = new WeightScale(members.Count);
            var traits = members.Select((m, i) => MemberTraits.Create(i, m, request.RoundTime, (ulong)random.NextInt64())).ToList();
            var scorer = new PairScorer(traits, request, scale);

            var everyone = Enumerable.Range(0, members.Count).ToArray();
            var scratch = new int[members.Count];
            var row = new long[members.Count];
            for (var a = 0; a < members.Count; a++)
            {
                scorer.Weights.Row(a, everyone, row, scratch);
                Assert.All(scratch, x => Assert.Equal(0, x));

                for (var b = 0; b < members.Count; b++)
                {
                    if (a != b)
                    {
                        Assert.Equal(scale.Weight(scorer.Criteria(a, b)), scorer.Weight(a, b));
                        Assert.Equal(scorer.Weight(a, b), row[b]);
                        Assert.Equal(scorer.Criteria(a, b).LastMetRound, scorer.LastMet(a, b));
                    }
                }
            }
        }
    }

    [Fact]
    public void Ordered_rows_equal_the_weight_of_every_pair_in_any_order_and_subset()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var random = new Random(seed);
            var members = Community.RandomMembers(random, 4 + random.Next(60));
            if (seed % 2 == 0)
            {
                // More than 64 distinct tags: the multi-word tag sets.
                members = [.. members.Select((m, i) => m with { Profile = m.Profile with { Interests = [.. m.Profile.Interests, $"tag-{i % 70}", $"tag-{(i * 7) % 70}"] } })];
            }

            var request = Community.Request(members, Community.RandomHistory(random, members, 9), round: 9, seed: seed);
            var weights = MaxWeightPairingEngine.ScorerFor(request).Weights;

            // A shuffled subset: partners met outside it must not be written into the scratch.
            var ids = Enumerable.Range(0, members.Count).OrderBy(_ => random.Next()).Take(2 + random.Next(members.Count - 1)).ToArray();
            var rows = weights.Ordered(ids);
            var scratch = new long[ids.Length];
            for (var u = 0; u < ids.Length; u++)
            {
                var start = random.Next(ids.Length);
                var row = new long[ids.Length - start];
                rows.Row(u, start, row, scratch);
                Assert.All(scratch, x => Assert.Equal(0, x));
                for (var j = 0; j < row.Length; j++)
                {
                    if (start + j != u)
                    {
                        Assert.Equal(weights.Weight(ids[u], ids[start + j]), row[j]);
                    }
                }
            }
        }
    }
}
