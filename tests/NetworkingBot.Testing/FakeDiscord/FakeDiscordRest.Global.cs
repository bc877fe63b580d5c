namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// Discord's global limit and a network's round trip, for delivery benchmarks and the tests that pin them: off
/// unless set, so every other test is as fast as before.
/// </summary>
public sealed partial class FakeDiscordRest
{
    private readonly Queue<DateTimeOffset> _globalWindow = new();

    /// <summary>
    /// Added to every answer, half before the request is counted and half after (as the two legs of a trip), on real
    /// time: the network is not the test's clock.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Requests per sliding second across every route but interaction endpoints (callbacks, and follow-ups and edits
    /// under webhooks/: Discord's 50 a second per bot does not bind them); the
    /// request over it gets a global 429 with the time until the window has room. Null: no global limit.
    /// </summary>
    public int? GlobalPerSecond { get; set; }

    /// <summary>How many global 429s the limit above gave.</summary>
    public int GlobalRateLimited { get; private set; }

    private Task LegAsync(CancellationToken cancellationToken) =>
        Latency > TimeSpan.Zero ? Task.Delay(Latency / 2, cancellationToken) : Task.CompletedTask;

    // Called under _gate, after scripted faults: null when the request fits, else the global 429.
    private FakeDiscordRestAnswer? OverGlobalLimit(string path)
    {
        if (GlobalPerSecond is not { } limit || path.StartsWith("interactions/", StringComparison.Ordinal) || path.StartsWith("webhooks/", StringComparison.Ordinal))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= TimeSpan.FromSeconds(1))
        {
            _globalWindow.Dequeue();
        }

        if (_globalWindow.Count >= limit)
        {
            GlobalRateLimited++;
            var retryAfter = (_globalWindow.Peek() + TimeSpan.FromSeconds(1) - now).TotalSeconds;
            return FakeDiscordRestAnswer.RateLimited(Math.Max(0.001, retryAfter), global: true, bucket: null);
        }

        _globalWindow.Enqueue(now);
        return null;
    }
}
