using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Benchmarks;

/// <summary>Stopwatch sections of one complete-graph solve: weights, candidate solves and pricing rounds.</summary>
internal static class MatcherProfile
{
    public static void Run(int size, int k)
    {
        var members = CommunityGenerator.Generate(size, seed: size);
        var request = new PairingRequest(members, PairingHistory.Empty, 2, 1, new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero), 1);
        var random = new Random(1);
        var traits = members.Select((m, i) => MemberTraits.Create(i, m, request.RoundTime, (ulong)random.NextInt64())).ToList();
        var scorer = new PairScorer(traits, request, new WeightScale(size));
        var n = size - (size % 2);
        for (var rep = 0; rep < 3; rep++)
        {
            var watch = Stopwatch.StartNew();
            var all = new TriangularWeights(n, scorer.Weight);
            var weightsMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var matching = CompleteGraphMatcher.Solve(n, scorer.Weight, k);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"n={n} k={k}: weights {weightsMs:F0} ms, matcher {watch.Elapsed.TotalMilliseconds:F0} ms, solves {matching.Rounds}, edges {matching.Edges.Count}, {all[0, 1]}"));
        }
    }
}
