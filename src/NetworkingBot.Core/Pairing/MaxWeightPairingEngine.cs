namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Plans a coffee-chat round by exact maximum-weight matching. The weight of a pair puts, in strict
/// priority: never met, then longest since meeting, then overlapping waking hours, shared interests,
/// mentoring fit and same region for in-person chats, with a seeded jitter below everything to break
/// ties (see <see cref="WeightScale"/>). Odd counts get one trio with a fairly chosen third member; group
/// size 3 makes as many trios as possible. Pure: the same request always yields the same plan.
/// </summary>
/// <remarks>Builds the complete graph of the round, so it is meant for communities up to a few thousand members.</remarks>
public sealed class MaxWeightPairingEngine : IPairingEngine
{
    /// <inheritdoc />
    public PairingPlan Plan(PairingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Members;
        if (input.Select(m => m.UserId).Distinct(StringComparer.Ordinal).Count() != input.Count)
        {
            throw new ArgumentException("Each member may appear only once in a round.", nameof(request));
        }

        if (input.Count < 2)
        {
            return new PairingPlan([], [.. input.Select(m => m.UserId)], 0);
        }

        // All randomness comes from the seed, drawn in input order, so a request replays exactly.
        var random = new Random(request.Seed);
        var traits = input.Select((m, i) => MemberTraits.Create(i, m, request.RoundTime, (ulong)random.NextInt64())).ToList();
        var fairnessNoise = input.Select(_ => (ulong)random.NextInt64()).ToArray();
        var scorer = new PairScorer(traits, request, new WeightScale(input.Count));
        var groups = new GroupPlanner(scorer, fairnessNoise).Plan(request.GroupSize)
            .Select(g => g.Order().ToArray())
            .OrderBy(g => g[0])
            .ToList();

        var repeats = groups.Sum(g => PairsOf(g).Count(p => !scorer.Fresh(p.A, p.B)));
        var planned = groups
            .Select(g => new PlannedGroup([.. g.Select(i => traits[i].Id)], WhyWriter.Write(g, scorer)))
            .ToList();
        return new PairingPlan(planned, [], repeats);
    }

    private static IEnumerable<(int A, int B)> PairsOf(int[] group)
    {
        for (var i = 0; i < group.Length; i++)
        {
            for (var j = i + 1; j < group.Length; j++)
            {
                yield return (group[i], group[j]);
            }
        }
    }
}
