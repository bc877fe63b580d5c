using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Benchmarks;

/// <summary>Stopwatch sections of one complete-graph solve: weights, candidate solves and pricing rounds.</summary>
internal static class MatcherProfile
{
    public static void Run(int size, int k, int mutual)
    {
        var members = CommunityGenerator.Generate(size, seed: size, clustered: false);
        var request = new PairingRequest(members, PairingHistory.Empty, 2, 1, new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero), 1);
        var random = new Random(1);
        var traits = members.Select((m, i) => MemberTraits.Create(i, m, request.RoundTime, (ulong)random.NextInt64())).ToList();
        var scorer = new PairScorer(traits, request, new WeightScale(size));
        var n = size - (size % 2);
        var all = new TriangularWeights(n, scorer.Weight);
        var (bestWall, bestCpu, solves, edges) = (double.MaxValue, double.MaxValue, 0, 0);
        for (var rep = 0; rep < 7; rep++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var matching = CompleteGraphMatcher.Solve(all, n, k, mutual);
            bestWall = Math.Min(bestWall, watch.Elapsed.TotalMilliseconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            (solves, edges) = (matching.Rounds, matching.Edges.Count);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"n={n} k={k} mutual={mutual}: matcher best wall {bestWall:F0} ms, best cpu {bestCpu:F0} ms, solves {solves}, edges {edges}"));
    }
}
