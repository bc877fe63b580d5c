namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// Where the gateway learns its URL, the recommended shard count and the identify budget
/// (<c>GET /gateway/bot</c>). A port, so the gateway does not depend on the REST client.
/// </summary>
public interface IGatewayInfoSource
{
    Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The answer of <c>GET /gateway/bot</c>: the URL to connect to, the recommended shards and the start limit.</summary>
public sealed record GatewayBotInfo(Uri Url, int Shards, SessionStartLimit Limit);

/// <summary>
/// <c>session_start_limit</c>: identifies allowed per day (<paramref name="Total"/>), left now
/// (<paramref name="Remaining"/>), time until the count resets, and how many shards may identify per 5 s.
/// </summary>
public sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);
