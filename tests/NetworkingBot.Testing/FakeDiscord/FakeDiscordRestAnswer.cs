using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>What the fake answers to one request: status, body and headers.</summary>
internal sealed record FakeDiscordRestAnswer(int Status, string? Body, Dictionary<string, string> Headers, string ContentType = "application/json")
{
    public static FakeDiscordRestAnswer Json(int status, JsonNode body) => new(status, body.ToJsonString(), new(StringComparer.OrdinalIgnoreCase));

    public static FakeDiscordRestAnswer NoContent() => new(204, null, new(StringComparer.OrdinalIgnoreCase));

    public static FakeDiscordRestAnswer Error(int status, int code, string message, JsonNode? errors = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return Json(status, body);
    }

    /// <summary>Discord's 429: retry_after in the body and Retry-After; global ones say so in a header too.</summary>
    public static FakeDiscordRestAnswer RateLimited(double retryAfter, bool global, string? bucket)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = global ? "global" : "user",
        };
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
        }
        else if (bucket is not null)
        {
            headers["X-RateLimit-Bucket"] = bucket;
            headers["X-RateLimit-Limit"] = "5";
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Reset-After"] = retryAfter.ToString("0.000", CultureInfo.InvariantCulture);
        }

        return new FakeDiscordRestAnswer(429, TooManyBody(retryAfter, global), headers);
    }

    /// <summary>Cloudflare's IP block as observed: a 429 with code 0, no rate-limit headers and no Retry-After.</summary>
    public static FakeDiscordRestAnswer Blocked() => Error(
        429,
        0,
        "You are being blocked from accessing our API temporarily due to exceeding our rate limits frequently. Please read our docs at https://discord.com/developers/docs/topics/rate-limits to prevent this moving forward.");

    public static string TooManyBody(double retryAfter, bool global) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfter, ["global"] = global });
}
