using System.Globalization;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>Which round of which community a row is about, and by which method.</summary>
internal sealed record RoundKey(int Size, bool Clustered, int Round, string Method, int Eligible);

/// <summary>
/// Production <c>Plan()</c> wall-clock and CPU time, the separate proof run's time (NaN without it), and what the
/// plan allocated on every thread (the engine's blocks and pricing run on the thread pool).
/// </summary>
internal sealed record Timing(double PlanMs, double CpuMs, double ProofMs, double Megabytes);

/// <summary>One printed line per round and method.</summary>
internal static class RoundRow
{
    public static string Format(RoundKey key, Timing timing, MatchOutcome? proof, RoundMetrics m, RoundMetrics compared, RoundMetrics ours, MatchOutcome? engineProof, PairScorer scorer, int spread)
    {
        // Preference weight (above the fresh and recency part) relative to the engine's; a repeated pair counts below zero.
        var perPair = scorer.Weights.Scale.FreshPart(1);
        var oursPref = ours.Weight - (ours.Pairs * perPair);
        var vsOurs = oursPref == 0 ? 0 : (double)(compared.Weight - (compared.Pairs * perPair)) / (double)oursPref;
        string ratio = "", exact = "", build = "", solve = "", solves = "", proofMs = "";
        if (engineProof is not null && engineProof.Pairs.Count * 2 == key.Eligible && compared.Pairs == engineProof.Pairs.Count)
        {
            // The honest figure: only rounds of pairs (a trio round's proof covers the pairs without the trio).
            var fresh = scorer.Weights.Scale.FreshPart(engineProof.Pairs.Count);
            var weighed = engineProof with { Weight = compared.Weight };
            ratio = weighed.PreferenceRatio(fresh).ToString("F6", CultureInfo.InvariantCulture);
        }

        if (proof is not null)
        {
            exact = proof.Exact ? "yes" : "no";
            (build, solve) = (proof.BuildMs.ToString("F1", CultureInfo.InvariantCulture), proof.SolveMs.ToString("F1", CultureInfo.InvariantCulture));
            solves = proof.Solves.ToString(CultureInfo.InvariantCulture);
            proofMs = timing.ProofMs.ToString("F1", CultureInfo.InvariantCulture);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{key.Size,-7} {(key.Clustered ? "clustered" : "uniform"),-9} {key.Round,-3} {key.Method,-27} {key.Eligible,-9} {timing.PlanMs,-8:F1} {timing.CpuMs,-8:F0} {proofMs,-8} {build,-8} {solve,-8} {solves,-6} {timing.Megabytes,-8:F1} {m.Repeats,-7} {vsOurs,-9:F6} {ratio,-10} {exact,-5} {spread,-5} {m.Hours,-6:F2} {m.SharedTag * 100,-6:F1} {m.Mentored * 100,-7:F1} {m.SameCity * 100:F1}");
    }
}
