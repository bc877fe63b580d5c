using System.Globalization;

namespace NetworkingBot.DeliveryBenchmarks;

/// <summary>What to run and under which conditions.</summary>
/// <param name="Redis">A redis-server ("host:port") to use as the store instead of a SQLite file.</param>
/// <param name="AckCommand">What the Slack acknowledgement burst types after <c>/coffee</c>: <c>status</c> reads, <c>join</c> writes.</param>
/// <param name="Detail">Whether the Discord delivery also prints where its time went (<c>--detail</c>).</param>
internal sealed record BenchOptions(int Members, TimeSpan Latency, int GlobalPerSecond, string? Only, int Concurrent, string? Redis, string AckCommand, bool Detail = false)
{
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Number("--members", 1000),
            TimeSpan.FromMilliseconds(Number("--latency-ms", 50)),
            Number("--global", 50),
            Value("--only"),
            Number("--concurrent", 50),
            Value("--redis"),
            Value("--ack-command") ?? "status",
            args.Contains("--detail"));
    }

    public bool Runs(string part) => Only is null || Only == part;

    /// <summary>The host's store settings: a fresh SQLite file, or a fresh key prefix on <see cref="Redis"/>.</summary>
    public string[] Store() => Redis is null
        ? ["--db", BenchHosts.TempDb()]
        : ["--State:Provider=redis", $"--State:Redis:ConnectionString={Redis},prefix=bench:{Guid.NewGuid():N}:"];
}
