using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Rest;

public sealed partial class DiscordRestClient
{
    /// <summary>Reads one response: a body to return, an error to throw, or a reason to send again.</summary>
    private async Task<ResponseOutcome> ReadAsync(DiscordRoute route, RateLimitLease lease, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var headers = RateLimitHeaders.From(response.Headers);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Guard.Record(status, headers.IsSharedScope);
        Limiter.Complete(lease, headers, success: status < 400);

        if (status == 429)
        {
            var retryAfter = HandleTooManyRequests(route, headers, text);
            return ResponseOutcome.SendAgain with { RetryAfter = retryAfter };
        }

        if (status is 502 or 503 or 504)
        {
            return new ResponseOutcome(status, null, DiscordErrorBody.ToException(status, text), Retry: false, Transient: true);
        }

        if (status >= 400)
        {
            if (status == 401 && Interlocked.Exchange(ref _tokenRejectedLogged, 1) == 0)
            {
                _logger.LogError("Discord {Route} answered 401: the bot token was rejected: check Discord__Token (reset it in the Developer Portal, Bot tab, if it leaked or was regenerated)", route);
            }

            return new ResponseOutcome(status, null, DiscordErrorBody.ToException(status, text), Retry: false, Transient: false);
        }

        if (status == 204 || text.Length == 0)
        {
            return new ResponseOutcome(status, null, null, Retry: false, Transient: false);
        }

        using var document = JsonDocument.Parse(text);
        return new ResponseOutcome(status, document.RootElement.Clone(), null, Retry: false, Transient: false);
    }

    /// <returns>How long the route waits before it may be sent again.</returns>
    private TimeSpan HandleTooManyRequests(DiscordRoute route, RateLimitHeaders headers, string text)
    {
        var isJson = DiscordErrorBody.TryParse(text, out var body);
        var bodyRetry = isJson && body.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number
            ? TimeSpan.FromSeconds(r.GetDouble())
            : (TimeSpan?)null;
        var global = headers.Global || (isJson && body.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True);

        // Discord's own 429s carry retry_after and rate-limit headers. Without both, it is Cloudflare refusing the
        // IP ("You are being blocked", or an HTML page) after too many invalid requests: knocking again extends it.
        if (!headers.HasBucketInfo && !global && bodyRetry is null)
        {
            var wait = headers.RetryAfter is { } hinted && hinted > _limits.BlockedBackoff ? hinted : _limits.BlockedBackoff;
            Limiter.BlockEverything(wait);
            _logger.LogError(
                "Discord {Route} answered 429 without rate-limit headers: Cloudflare is blocking this IP, usually after 10,000 invalid (401/403/429) requests in 10 minutes. Every Discord request is paused for {Pause}; {Invalid} invalid responses were seen here in the last 10 minutes. If this repeats, look for a loop retrying a failing call.",
                route, wait, Guard.Count);
            return wait;
        }

        var retryAfter = bodyRetry ?? headers.RetryAfter ?? headers.ResetAfter ?? TimeSpan.FromSeconds(1);
        if (global)
        {
            Limiter.Global.Pause(retryAfter);
            _logger.LogWarning("Discord global rate limit hit on {Route}; all requests wait {RetryAfter}", route, retryAfter);
        }
        else
        {
            Limiter.BlockBucket(route, retryAfter);
            _logger.LogInformation("Discord rate limit ({Scope}) on {Route}; retrying in {RetryAfter}", headers.Scope ?? "user", route, retryAfter);
        }

        return retryAfter;
    }

    private sealed record ResponseOutcome(int Status, JsonElement? Body, DiscordApiException? Error, bool Retry, bool Transient)
    {
        /// <summary>For a 429: how long until the route may be sent again.</summary>
        public TimeSpan RetryAfter { get; init; }

        public static readonly ResponseOutcome SendAgain = new(429, null, null, Retry: true, Transient: false);
    }
}
