using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Benchmarks;
using NetworkingBot.Core.Pairing;

// Pairing benchmark: for each size and profile, consecutive rounds on one simulated community (churn
// between rounds unless --no-churn), each round planned by the engine and by the two baselines, each with
// its own history. Run in Release:
//   dotnet run -c Release --project bench/NetworkingBot.Benchmarks -- [sizes...] [--rounds N]
//       [--profile uniform|clustered|both] [--no-churn] [--no-baselines] [--export DIR] [--group-size 2|3] [--block-size B] [--zones 1-8]
//       [--warm-up]   (compile the engine first, as a Discord or Slack host does after it starts)
//   dotnet run -c Release --project bench/NetworkingBot.Benchmarks -- --matcher SIZE K MUTUAL   (stopwatch of the complete-graph matcher alone)
//   dotnet run -c Release --project bench/NetworkingBot.Benchmarks -- --weigh SIZE ZONES   (stopwatch of the pricing kernel alone: every pair weighed)
//   dotnet run -c Release --project bench/NetworkingBot.Benchmarks -- --replan SIZE ZONES REPEATS   (round 1 planned again and again: best and median)
if (args.Length >= 4 && args[0] == "--matcher")
{
    MatcherProfile.Run(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
    return;
}

if (args.Length >= 3 && args[0] == "--weigh")
{
    WeighProfile.Run(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
    return;
}

if (args.Length >= 4 && args[0] == "--replan")
{
    ReplanProfile.Run(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
    return;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int IntOption(string name, int fallback) => int.Parse(Option(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var rounds = IntOption("--rounds", 3);
var groupSize = IntOption("--group-size", 2);
var profile = Option("--profile") ?? "both";
var export = Option("--export");
var exportLimit = IntOption("--export-limit", 5000);
var churn = !args.Contains("--no-churn");
var baselines = !args.Contains("--no-baselines");
var proofs = !args.Contains("--no-proof");
var blocksCheck = args.Contains("--blocks-check");
var valued = new[] { "--rounds", "--profile", "--export", "--export-limit", "--group-size", "--block-size", "--exact-limit", "--table-limit", "--zones" }.Select(o => Array.IndexOf(args, o)).Where(i => i >= 0).Select(i => i + 1).ToHashSet();
var sizes = args.Where((a, i) => !valued.Contains(i) && int.TryParse(a, out _)).Select(int.Parse).ToList();
sizes = sizes.Count > 0 ? sizes : [100, 101, 1000, 1001, 10000, 10001, 100000, 100001];
CommunityGenerator.ZoneCount = IntOption("--zones", 8);
var profiles = profile == "both" ? new[] { false, true } : [profile == "clustered"];
var defaults = PairingEngineOptions.Default;
var engine = new MaxWeightPairingEngine(defaults with
{
    KeepGraph = export is not null,
    BlockSize = IntOption("--block-size", defaults.BlockSize),
    ExactLimit = IntOption("--exact-limit", defaults.ExactLimit),
    TableLimit = IntOption("--table-limit", defaults.TableLimit),
});

// Blocks alone (the path above ExactLimit) on the same request, checked against the exact optimum.
var blocksOnly = new MaxWeightPairingEngine(defaults with { BlockSize = IntOption("--block-size", defaults.BlockSize), ExactLimit = 0, RepeatFreeLimit = 0 });
if (args.Contains("--warm-up"))
{
    // As a Discord or Slack host does once it has started (PairingWarmUpService): the engine's code compiled first.
    var warm = Stopwatch.StartNew();
    var warmGroups = PairingWarmUp.Run();
    Console.WriteLine($"warm-up: {warm.Elapsed.TotalMilliseconds:F0} ms ({warmGroups} made-up groups)");
}

Console.WriteLine($"churn {(churn ? "on" : "off")}, {rounds} rounds, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
Console.WriteLine("plan-ms: production Plan() alone (wall clock; cpu-ms: CPU time of the process meanwhile, all threads, the better guide on a loaded machine); proof-ms: PlanWithProof again for the bound (build/solve split, solves of the whole round).");
Console.WriteLine("pref-ratio: (W - F) / (B - F), F = fresh+recency part of every repeat-free perfect matching, B = the engine's proven bound (baselines: against the engine's bound on the same request).");
Console.WriteLine("size    profile   rnd method                      eligible  plan-ms  cpu-ms   proof-ms build    solve    solves alloc-MB repeats pref/ours pref-ratio exact trio±  hours  tag%   mentor% city%");
foreach (var size in sizes)
{
    foreach (var clustered in profiles)
    {
        var membership = new Membership(size, seed: size, clustered, churn);
        Track[] tracks = [new("engine"), new("shuffle-and-pair"), new("greedy")];
        var presence = new Presence();
        var start = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
        for (var round = 1; round <= rounds; round++)
        {
            if (round > 1)
            {
                membership.Advance(round);
            }

            var members = membership.Eligible(round);
            presence.Record(members.Select(m => m.UserId));
            var regulars = presence.Regulars(round);
            RoundMetrics? ours = null;
            PairingRequest? engineRequest = null;
            MatchOutcome? engineProof = null;
            foreach (var track in baselines ? tracks : tracks[..1])
            {
                var request = new PairingRequest(members, track.History, groupSize, round, start.AddDays(7 * round), round);
                engineRequest ??= request;
                RoundMetrics? sameHistory = null;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var megabytes = 0.0;
                using var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                List<int[]> groups;
                MatchOutcome? proof = null;
                var proofMs = double.NaN;
                var label = track.Name;
                PairScorer scorer;
                if (track.Name == "engine")
                {
                    // The production call, timed alone; the proof (the bound, for the benchmark) is a second run.
                    var plan = engine.Plan(request);
                    watch.Stop();
                    process.Refresh();
                    cpu = process.TotalProcessorTime - cpu;
                    megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
                    if (proofs)
                    {
                        var proofWatch = Stopwatch.StartNew();
                        (_, proof) = engine.PlanWithProof(request);
                        proofMs = proofWatch.Elapsed.TotalMilliseconds;
                        engineProof = proof;
                    }

                    if (blocksCheck && proof is { Exact: true })
                    {
                        BlocksCheck.Print(blocksOnly, request, proof);
                    }

                    scorer = MaxWeightPairingEngine.ScorerFor(request);
                    var index = members.Select((m, i) => (m.UserId, i)).ToDictionary(x => x.UserId, x => x.i, StringComparer.Ordinal);
                    groups = [.. plan.Groups.Select(g => g.Members.Select(id => index[id]).ToArray())];
                    if (export is not null && members.Count % 2 == 0 && proof is not null)
                    {
                        GraphExport.Write(export, $"{size}-{(clustered ? "clustered" : "uniform")}-r{round}", scorer, proof, exportLimit);
                    }
                }
                else
                {
                    scorer = MaxWeightPairingEngine.ScorerFor(request);
                    watch.Restart();
                    (groups, label) = track.Name == "greedy" ? Baselines.Greedy(scorer, round) : (Baselines.Shuffle(members.Count, round), track.Name);
                    watch.Stop();
                    process.Refresh();
                    cpu = process.TotalProcessorTime - cpu;
                    megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
                    if (track.Name == "greedy")
                    {
                        // Weight is compared on the engine's own request: after round 1 each method's history
                        // differs, and so would the problem. Repeats and trios stay on the method's own history.
                        var same = MaxWeightPairingEngine.ScorerFor(engineRequest!);
                        sameHistory = RoundMetrics.Of(same, Baselines.Greedy(same, round).Groups);
                    }
                }

                var metrics = RoundMetrics.Of(scorer, groups);
                ours ??= metrics;
                track.Record([.. groups.Select(g => (IReadOnlyList<string>)[.. g.Select(i => members[i].UserId)])], round, metrics.Repeats);
                var timing = new Timing(watch.Elapsed.TotalMilliseconds, cpu.TotalMilliseconds, proofMs, megabytes);
                Console.WriteLine(RoundRow.Format(new RoundKey(size, clustered, round, label, members.Count), timing, proof, metrics, sameHistory ?? metrics, ours, track.Name == "shuffle-and-pair" ? null : engineProof, scorer, track.TrioSpread(regulars)));
            }
        }

        var k = Presence.Threshold(rounds);
        foreach (var track in baselines ? tracks : tracks[..1])
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {size} {(clustered ? "clustered" : "uniform")} {track.Name}: first repeat in round {track.FirstRepeatRound?.ToString(CultureInfo.InvariantCulture) ?? "none"}, trio spread {track.TrioSpread(presence.Regulars(rounds))} over the {presence.Regulars(rounds).Count} members present in at least k = {k} of {rounds} rounds; {membership.Enrolled} enrolled at the end"));
        }
    }

    using var self = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  peak working set so far: {self.PeakWorkingSet64 / 1048576.0:F0} MB; load average {LoadAverage()}"));
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
