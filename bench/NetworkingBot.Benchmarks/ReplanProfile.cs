using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// Stopwatch of one round planned again and again: round 1 of the benchmark's community (both profiles), the
/// production <c>Plan()</c> called the given number of times in turn. Reports every time and the least, so two
/// builds of the engine can be compared on the same work by their best times, which a busy minute on a shared
/// machine moves far less than a single round (it moved a three-round sum by 30%).
/// </summary>
internal static class ReplanProfile
{
    public static void Run(int size, int zones, int repeats)
    {
        CommunityGenerator.ZoneCount = zones;
        var engine = new MaxWeightPairingEngine(PairingEngineOptions.Default);
        PairingWarmUp.Run();
        foreach (var clustered in new[] { false, true })
        {
            var members = new Membership(size, seed: size, clustered, churn: false).Eligible(1);
            var request = new PairingRequest(members, new Track("engine").History, 2, 1, new DateTimeOffset(2026, 11, 9, 15, 0, 0, TimeSpan.Zero), 1);
            var times = new List<double>(repeats);
            for (var rep = 0; rep < repeats; rep++)
            {
                var watch = Stopwatch.StartNew();
                engine.Plan(request);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var sorted = times.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"n={size} zones={zones} {(clustered ? "clustered" : "uniform")}: best {sorted[0]:F1} ms, median {sorted[sorted.Count / 2]:F1} ms over {repeats} plans ({string.Join(' ', times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))})"));
        }
    }
}
