using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Benchmarks;
using NetworkingBot.Core.Pairing;

// Pairing benchmark: for each size and profile, consecutive rounds on one simulated community (churn
// between rounds unless --no-churn), each round planned by the engine and by the two baselines, each with
// its own history. Run in Release:
//   dotnet run -c Release --project bench/NetworkingBot.Benchmarks -- [sizes...] [--rounds N]
//       [--profile uniform|clustered|both] [--no-churn] [--no-baselines] [--export DIR] [--group-size 2|3] [--block-size B]
//   dotnet run -c Release --project bench/NetworkingBot.Benchmarks -- --matcher SIZE K MUTUAL   (stopwatch of the complete-graph matcher alone)
if (args.Length >= 4 && args[0] == "--matcher")
{
    MatcherProfile.Run(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
    return;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var rounds = int.Parse(Option("--rounds") ?? "3", CultureInfo.InvariantCulture);
var groupSize = int.Parse(Option("--group-size") ?? "2", CultureInfo.InvariantCulture);
var profile = Option("--profile") ?? "both";
var export = Option("--export");
var churn = !args.Contains("--no-churn");
var baselines = !args.Contains("--no-baselines");
var valued = new[] { "--rounds", "--profile", "--export", "--group-size", "--block-size" }.Select(o => Array.IndexOf(args, o)).Where(i => i >= 0).Select(i => i + 1).ToHashSet();
var sizes = args.Where((a, i) => !valued.Contains(i) && int.TryParse(a, out _)).Select(int.Parse).ToList();
sizes = sizes.Count > 0 ? sizes : [100, 101, 1000, 1001, 10000, 10001, 100000, 100001];
var profiles = profile == "both" ? new[] { false, true } : [profile == "clustered"];
var blockSize = int.Parse(Option("--block-size") ?? PairingEngineOptions.Default.BlockSize.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var engine = new MaxWeightPairingEngine(PairingEngineOptions.Default with { KeepGraph = export is not null, BlockSize = blockSize });

Console.WriteLine($"churn {(churn ? "on" : "off")}, {rounds} rounds, {Environment.ProcessorCount} cores");
Console.WriteLine("size    profile   rnd method                      eligible  ms       build    solve    alloc-MB repeats pref/ours w/bound    pref/bound trio±  hours  tag%   mentor% city%");
foreach (var size in sizes)
{
    foreach (var clustered in profiles)
    {
        var membership = new Membership(size, seed: size, clustered, churn);
        Track[] tracks = [new("engine"), new("shuffle-and-pair"), new("greedy")];
        HashSet<string>? always = null;
        var start = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
        for (var round = 1; round <= rounds; round++)
        {
            if (round > 1)
            {
                membership.Advance(round);
            }

            var members = membership.Eligible(round);
            always = always is null ? members.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal) : [.. always.Intersect(members.Select(m => m.UserId))];
            RoundMetrics? ours = null;
            PairingRequest? engineRequest = null;
            foreach (var track in baselines ? tracks : tracks[..1])
            {
                var request = new PairingRequest(members, track.History, groupSize, round, start.AddDays(7 * round), round);
                engineRequest ??= request;
                RoundMetrics? sameHistory = null;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                List<int[]> groups;
                MatchOutcome? proof = null;
                var label = track.Name;
                PairScorer scorer;
                if (track.Name == "engine")
                {
                    (var plan, proof) = engine.PlanWithProof(request);
                    watch.Stop();
                    scorer = MaxWeightPairingEngine.ScorerFor(request);
                    var index = members.Select((m, i) => (m.UserId, i)).ToDictionary(x => x.UserId, x => x.i, StringComparer.Ordinal);
                    groups = [.. plan.Groups.Select(g => g.Members.Select(id => index[id]).ToArray())];
                    if (export is not null && members.Count % 2 == 0 && proof is not null)
                    {
                        GraphExport.Write(export, $"{size}-{(clustered ? "clustered" : "uniform")}-r{round}", scorer, proof);
                    }
                }
                else
                {
                    scorer = MaxWeightPairingEngine.ScorerFor(request);
                    watch.Restart();
                    (groups, label) = track.Name == "greedy" ? Baselines.Greedy(scorer, round) : (Baselines.Shuffle(members.Count, round), track.Name);
                    watch.Stop();
                    if (track.Name == "greedy")
                    {
                        // Weight is compared on the engine's own request: after round 1 each method's history
                        // differs, and so would the problem. Repeats and trios stay on the method's own history.
                        var same = MaxWeightPairingEngine.ScorerFor(engineRequest!);
                        sameHistory = RoundMetrics.Of(same, Baselines.Greedy(same, round).Groups);
                    }
                }

                var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0;
                var metrics = RoundMetrics.Of(scorer, groups);
                ours ??= metrics;
                track.Record([.. groups.Select(g => (IReadOnlyList<string>)[.. g.Select(i => members[i].UserId)])], round, metrics.Repeats);
                Console.WriteLine(Row(size, clustered, round, label, members.Count, watch.Elapsed.TotalMilliseconds, proof, megabytes, metrics, sameHistory ?? metrics, ours, scorer, track.TrioSpread(always)));
            }
        }

        foreach (var track in baselines ? tracks : tracks[..1])
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {size} {(clustered ? "clustered" : "uniform")} {track.Name}: first repeat in round {track.FirstRepeatRound?.ToString(CultureInfo.InvariantCulture) ?? "none"}, trio spread {track.TrioSpread(always!)}"));
        }
    }

    using var self = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  peak working set so far: {self.PeakWorkingSet64 / 1048576.0:F0} MB"));
}

static string Row(int size, bool clustered, int round, string method, int eligible, double ms, MatchOutcome? proof, double megabytes, RoundMetrics m, RoundMetrics compared, RoundMetrics ours, PairScorer scorer, int spread)
{
    // Weight below the fresh and recency levels (which dwarf the rest and are equal for repeat-free plans),
    // relative to the engine's: the preferences each method delivers. A repeated pair counts below zero.
    var perPair = scorer.Weights.Scale.Multiplier(0) + (PairCriteria.RecencyCap * scorer.Weights.Scale.Multiplier(1));
    var oursPref = ours.Weight - ((Int128)ours.Pairs * perPair);
    var vsOurs = oursPref == 0 ? 0 : (double)(compared.Weight - ((Int128)compared.Pairs * perPair)) / (double)oursPref;
    string bound = "", pref = "", build = "", solve = "";
    if (proof is not null)
    {
        // The fresh and recency levels dwarf the rest; the preference ratio compares what lies below them.
        var floor = (Int128)proof.Pairs.Count * (scorer.Weights.Scale.Multiplier(0) + (PairCriteria.RecencyCap * scorer.Weights.Scale.Multiplier(1)));
        bound = ((double)proof.Weight / (double)proof.Bound).ToString("F6", CultureInfo.InvariantCulture);
        pref = proof.Bound == floor ? "1" : ((double)(proof.Weight - floor) / (double)(proof.Bound - floor)).ToString("F4", CultureInfo.InvariantCulture);
        (build, solve) = (proof.BuildMs.ToString("F1", CultureInfo.InvariantCulture), proof.SolveMs.ToString("F1", CultureInfo.InvariantCulture));
    }

    return string.Create(CultureInfo.InvariantCulture,
        $"{size,-7} {(clustered ? "clustered" : "uniform"),-9} {round,-3} {method,-27} {eligible,-9} {ms,-8:F1} {build,-8} {solve,-8} {megabytes,-8:F1} {m.Repeats,-7} {vsOurs,-9:F6} {bound,-10} {pref,-10} {spread,-5} {m.Hours,-6:F2} {m.SharedTag * 100,-6:F1} {m.Mentored * 100,-7:F1} {m.SameCity * 100:F1}");
}
