using System.Text.Json;
using Microsoft.Extensions.Options;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// <c>GET /gateway/bot</c>: where to connect (unless <see cref="DiscordOptions.GatewayUrl"/> says), how many shards
/// Discord recommends, and the identify budget.
/// </summary>
public sealed class RestGatewayInfoSource(IDiscordRest rest, IOptions<DiscordOptions> options) : IGatewayInfoSource
{
    public async Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken)
    {
        var body = await rest.SendAsync(new DiscordRoute(HttpMethod.Get, "gateway/bot"), null, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("GET /gateway/bot returned no body.");
        var info = Parse(body);
        return string.IsNullOrEmpty(options.Value.GatewayUrl) ? info : info with { Url = new Uri(options.Value.GatewayUrl) };
    }

    public static GatewayBotInfo Parse(JsonElement body)
    {
        var limit = body.GetProperty("session_start_limit");
        return new GatewayBotInfo(
            new Uri(body.GetProperty("url").GetString()!),
            body.GetProperty("shards").GetInt32(),
            new SessionStartLimit(
                limit.GetProperty("total").GetInt32(),
                limit.GetProperty("remaining").GetInt32(),
                TimeSpan.FromMilliseconds(limit.GetProperty("reset_after").GetDouble()),
                limit.TryGetProperty("max_concurrency", out var concurrency) ? Math.Max(1, concurrency.GetInt32()) : 1));
    }
}
