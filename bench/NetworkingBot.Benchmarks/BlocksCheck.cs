using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// With --blocks-check: the blocks-only path (what runs above ExactLimit) on a round whose exact optimum is known,
/// so its true preference ratio and its certified one can be compared, and its bound checked against the optimum
/// at full size (the unit tests check it on small graphs).
/// </summary>
internal static class BlocksCheck
{
    public static void Print(MaxWeightPairingEngine blocksOnly, PairingRequest request, MatchOutcome exact)
    {
        var watch = Stopwatch.StartNew();
        var (_, blocks) = blocksOnly.PlanWithProof(request);
        var ms = watch.Elapsed.TotalMilliseconds;
        var fresh = MaxWeightPairingEngine.ScorerFor(request).Weights.Scale.FreshPart(exact.Pairs.Count);
        var truth = (double)(blocks!.Weight - fresh) / (double)(exact.Weight - fresh);
        var verdict = blocks.Bound >= exact.Weight ? "bound >= optimum" : "BOUND BELOW THE OPTIMUM";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    blocks alone: {ms:F0} ms, true pref-ratio {truth:F6}, certified {blocks.PreferenceRatio(fresh):F6}, {verdict}"));
    }
}
