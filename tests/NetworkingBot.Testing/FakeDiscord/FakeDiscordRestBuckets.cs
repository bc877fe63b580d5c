using System.Globalization;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// Fixed-window per-route limits like Discord's: one bucket hash per route, split by the major parameter, with
/// the real X-RateLimit-* headers on every answer, and a user-scope 429 to a client that ignores them.
/// </summary>
internal sealed class FakeDiscordRestBuckets(TimeProvider time)
{
    private readonly Dictionary<string, (DateTimeOffset Start, int Used)> _windows = new(StringComparer.Ordinal);

    /// <summary>Takes one request from the bucket; false when it is spent. Not thread-safe: the fake calls it under its lock.</summary>
    /// <param name="hash">The route's own bucket (what is counted).</param>
    /// <param name="reportedHash">The hash the answer names in X-RateLimit-Bucket.</param>
    public bool TryTake(string hash, string reportedHash, string major, int limit, TimeSpan window, IDictionary<string, string> headers)
    {
        var now = time.GetUtcNow();
        var key = $"{hash}:{major}";
        if (!_windows.TryGetValue(key, out var state) || now - state.Start >= window)
        {
            state = (now, 0);
        }

        var allowed = state.Used < limit;
        if (allowed)
        {
            state.Used++;
        }

        _windows[key] = state;
        var resetAt = state.Start + window;
        var resetAfter = Math.Max(0, (resetAt - now).TotalSeconds);
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = (limit - state.Used).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = (resetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = reportedHash;
        if (!allowed)
        {
            headers["X-RateLimit-Scope"] = "user";
            headers["Retry-After"] = Math.Ceiling(resetAfter).ToString(CultureInfo.InvariantCulture);
        }

        return allowed;
    }
}
