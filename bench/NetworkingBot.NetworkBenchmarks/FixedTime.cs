namespace NetworkingBot.NetworkBenchmarks;

/// <summary>The sweep's instant for every run, so each run finds the same due nudges (the export's file name too).</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
