using System.Globalization;
using System.Net.Http.Headers;

namespace NetworkingBot.Discord.Rest;

/// <summary>
/// The rate-limit headers of one response. <see cref="HasBucketInfo"/> is false when Discord sent none (routes
/// without a per-route limit, or a Cloudflare block). Reset-After is relative, so it is used instead of Reset
/// to stay immune to clock skew between us and Discord.
/// </summary>
internal sealed record RateLimitHeaders(
    string? Bucket,
    int? Limit,
    int? Remaining,
    TimeSpan? ResetAfter,
    bool Global,
    string? Scope,
    TimeSpan? RetryAfter)
{
    public bool HasBucketInfo => Remaining is not null && ResetAfter is not null;

    public bool IsSharedScope => string.Equals(Scope, "shared", StringComparison.OrdinalIgnoreCase);

    public static RateLimitHeaders From(HttpResponseHeaders headers) => new(
        Bucket: Get(headers, "X-RateLimit-Bucket"),
        Limit: ParseInt(Get(headers, "X-RateLimit-Limit")),
        Remaining: ParseInt(Get(headers, "X-RateLimit-Remaining")),
        ResetAfter: ParseSeconds(Get(headers, "X-RateLimit-Reset-After")),
        Global: string.Equals(Get(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Scope: Get(headers, "X-RateLimit-Scope"),
        RetryAfter: headers.RetryAfter?.Delta ?? ParseSeconds(Get(headers, "Retry-After")));

    public static TimeSpan? ParseSeconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && !double.IsInfinity(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Get(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
