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
            var request = Community.Request(members, Community.RandomHistory(random, members, 9), round: 9, seed: seed);
            var scale = new WeightScale(members.Count);
            var traits = members.Select((m, i) => MemberTraits.Create(i, m, request.RoundTime, (ulong)random.NextInt64())).ToList();
            var scorer = new PairScorer(traits, request, scale);

            for (var a = 0; a < members.Count; a++)
            {
                for (var b = 0; b < members.Count; b++)
                {
                    if (a != b)
                    {
                        Assert.Equal(scale.Weight(scorer.Criteria(a, b)), scorer.Weight(a, b));
                        Assert.Equal(scorer.Criteria(a, b).LastMetRound, scorer.LastMet(a, b));
                    }
                }
            }
        }
    }
}
