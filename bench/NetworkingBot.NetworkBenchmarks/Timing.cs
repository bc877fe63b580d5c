using System.Diagnostics;
using System.Globalization;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>Runs an operation a few times to warm up, then times repeated runs and reports median and p95.</summary>
public static class Timing
{
    public static async Task<string> MeasureAsync(string name, int warmUps, int runs, Func<Task<string>> operation)
    {
        var detail = "";
        for (var i = 0; i < warmUps; i++)
        {
            detail = await operation();
        }

        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            detail = await operation();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        var median = samples[runs / 2];
        var p95 = samples[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.95) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {runs} | {median:0.00} | {p95:0.00} | {samples[0]:0.00} | {samples[^1]:0.00} | {detail} |");
    }
}
