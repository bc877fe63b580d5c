using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Benchmarks;
using NetworkingBot.Core.Pairing;

// Pairing benchmark: for each community size, runs consecutive rounds (feeding each round's groups into the
// history, as the bot does) and reports the time per round and the repeats. Run in Release:
//   dotnet run -c Release --project bench/NetworkingBot.Benchmarks -- [sizes...] [--rounds N]
if (args.Length >= 3 && args[0] == "--profile")
{
    MatcherProfile.Run(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
    return;
}

var roundsArg = Array.IndexOf(args, "--rounds");
var rounds = roundsArg >= 0 && roundsArg + 1 < args.Length ? int.Parse(args[roundsArg + 1], CultureInfo.InvariantCulture) : 5;
var sizes = args.Where((a, i) => i != roundsArg + 1 || roundsArg < 0)
    .Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();
if (sizes.Count == 0)
{
    sizes = [100, 101, 500, 1000];
}
var engine = new MaxWeightPairingEngine();

Console.WriteLine("size  round  ms       alloc-MB  groups  trios  repeats");
foreach (var size in sizes)
{
    var members = CommunityGenerator.Generate(size, seed: size);
    var lastMet = new Dictionary<PairKey, int>();
    var trioCounts = new Dictionary<string, int>(StringComparer.Ordinal);
    var lastTrio = new HashSet<string>(StringComparer.Ordinal);
    var start = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    for (var round = 1; round <= rounds; round++)
    {
        var request = new PairingRequest(members, new PairingHistory(lastMet, trioCounts, lastTrio), 2, round, start.AddDays(7 * round), round);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var (plan, proof) = engine.PlanWithProof(request);
        watch.Stop();
        var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0;

        lastTrio = plan.Groups.Where(g => g.Members.Count == 3).SelectMany(g => g.Members).ToHashSet(StringComparer.Ordinal);
        foreach (var group in plan.Groups)
        {
            for (var i = 0; i < group.Members.Count; i++)
            {
                for (var j = i + 1; j < group.Members.Count; j++)
                {
                    lastMet[PairKey.Of(group.Members[i], group.Members[j])] = round;
                }
            }
        }

        foreach (var member in lastTrio)
        {
            trioCounts[member] = trioCounts.GetValueOrDefault(member) + 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size,-5} {round,-6} {watch.Elapsed.TotalMilliseconds,-8:F1} {megabytes,-9:F1} {plan.Groups.Count,-7} {lastTrio.Count / 3,-6} {plan.RepeatPairs} ratio {(double)proof!.Weight / (double)proof.Bound:F6} edges {proof.CandidateEdges}"));
    }
}

using var self = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {self.PeakWorkingSet64 / 1048576.0:F0} MB"));
