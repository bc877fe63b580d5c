using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// Stopwatch of the pricing kernel alone: every pair of a round weighed row by row through the ordered rows, on one
/// thread, as a pricing pass does for the chunks its bounds cannot skip. Reports the best of seven sweeps in
/// nanoseconds per pair, so a change to the kernel is measured without the rest of a round's noise.
/// </summary>
internal static class WeighProfile
{
    public static void Run(int size, int zones)
    {
        CommunityGenerator.ZoneCount = zones;
        var members = CommunityGenerator.Generate(size, seed: size, clustered: false);
        var request = new PairingRequest(members, PairingHistory.Empty, 2, 1, new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero), 1);
        var random = new Random(1);
        var traits = members.Select((m, i) => MemberTraits.Create(i, m, request.RoundTime, (ulong)random.NextInt64())).ToList();
        var weights = new PairScorer(traits, request, new WeightScale(size)).Weights;
        int[] order = [.. Enumerable.Range(0, size).OrderBy(weights.WakeSlot).ThenBy(i => i)];
        var rows = weights.Ordered(order);
        var (row, scratch) = (new long[size], new long[size]);
        var (best, checksum) = (double.MaxValue, 0L);
        for (var sweep = 0; sweep < 7; sweep++)
        {
            var watch = Stopwatch.StartNew();
            for (var u = 0; u < size - 1; u++)
            {
                rows.Row(u, u + 1, row.AsSpan(0, size - u - 1), scratch);
                checksum += row[0];
            }

            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        var pairs = (long)size * (size - 1) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"n={size} zones={zones}: {pairs} pairs weighed in {best:F1} ms (best of 7 sweeps, one thread), {best * 1e6 / pairs:F2} ns a pair (checksum {checksum})"));
    }
}
