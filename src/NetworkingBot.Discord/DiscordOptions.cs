namespace NetworkingBot.Discord;

/// <summary>
/// Settings of the Discord adapter (section "Discord"). The adapter runs when <see cref="Token"/> is set;
/// the token comes from the environment (Discord__Token) or user secrets, never from a committed file.
/// </summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token from the Developer Portal (Bot tab).</summary>
    public string? Token { get; set; }

    /// <summary>The application id; when empty it is read from <c>GET /oauth2/applications/@me</c> at start.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>A guild to register commands in (instant updates while developing); empty registers them globally.</summary>
    public string? DevGuildId { get; set; }

    /// <summary>REST base address. Tests point it at a loopback fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>
    /// The gateway to connect to (ws:// or wss://) instead of the one <c>GET /gateway/bot</c> names, for tests and
    /// staging servers; empty: Discord's. Shard counts and the identify budget still come from that call.
    /// </summary>
    public string? GatewayUrl { get; set; }

    /// <summary>The shards this process runs; empty means all of <see cref="ShardCount"/> (or Discord's recommendation).</summary>
    public IList<int> ShardIds { get; } = [];

    /// <summary>Total shards across all instances; 0 uses the count Discord recommends in GET /gateway/bot.</summary>
    public int ShardCount { get; set; }

    /// <summary>
    /// The largest gateway message read whole (default 4 MiB, far above any real payload). A larger one is dropped
    /// and the connection reset, so a hostile or broken peer cannot make the bot buffer without bound.
    /// </summary>
    public int MaxInboundFrameBytes { get; set; } = DefaultMaxInboundFrameBytes;

    /// <summary>4 MiB.</summary>
    public const int DefaultMaxInboundFrameBytes = 4 * 1024 * 1024;

    /// <summary>The smallest cap allowed: a READY of a bot in many servers is tens of KiB.</summary>
    public const int MinInboundFrameBytes = 64 * 1024;

    /// <summary>
    /// Requests a second the Discord.Net client spaces its REST calls to (interaction callbacks, follow-ups and edits exempt). Discord allows
    /// 50 a second per bot; 48 leaves room for a request's jitter on the way, so no paced request meets a global 429.
    /// </summary>
    public int GlobalPerSecond { get; set; } = DefaultGlobalPerSecond;

    /// <summary>48 a second.</summary>
    public const int DefaultGlobalPerSecond = 48;

    /// <summary>Discord's global limit for a bot: 50 requests a second.</summary>
    public const int MaxGlobalPerSecond = 50;

    /// <summary>Role ids whose holders may run organiser commands, besides members with Manage Server.</summary>
    public IList<string> OrganiserRoleIds { get; } = [];
}
