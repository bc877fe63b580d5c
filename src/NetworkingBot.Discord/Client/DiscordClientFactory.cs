using Discord;
using Discord.Net.Rest;
using Discord.Net.WebSockets;
using Discord.Rest;
using Discord.WebSocket;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Discord.Net clients configured from <see cref="DiscordOptions"/>: REST at <see cref="DiscordOptions.ApiBaseUrl"/>
/// (Discord.Net's default provider takes the base URL verbatim), the gateway at <see cref="DiscordOptions.GatewayUrl"/>
/// when set (used verbatim, no query string added), Guilds intent only, and the shard this process runs.
/// </summary>
public static class DiscordClientFactory
{
    /// <summary>
    /// The socket client. <paramref name="shardId"/> and <paramref name="totalShards"/> are null when Discord's
    /// recommendation decides (one client, one shard); a sharded deployment runs one client per configured shard.
    /// </summary>
    public static DiscordSocketClient Socket(DiscordOptions options, int? shardId = null, int? totalShards = null, GlobalPacer? pacer = null, WebSocketProvider? sockets = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DiscordSocketClient(Config(options, shardId, totalShards, pacer, sockets));
    }

    private static DiscordSocketConfig Config(DiscordOptions options, int? shardId, int? totalShards, GlobalPacer? pacer, WebSocketProvider? sockets)
    {
        var config = new DiscordSocketConfig
        {
            RestClientProvider = RestAt(options.ApiBaseUrl, pacer),
            GatewayIntents = GatewayIntents.Guilds,
            ShardId = shardId,
            TotalShards = totalShards,
            // The adapter answers off the gateway task; the warning stays as a guard against a handler that does not.
            HandlerTimeout = 3000,
            LogLevel = LogSeverity.Info,
            // Nothing in the bot reads messages or members from the cache.
            MessageCacheSize = 0,
            AlwaysDownloadUsers = false,
        };
        if (sockets is not null)
        {
            // The guarded socket (Client/Socket): frames checked before Discord.Net reads them, messages capped.
            config.WebSocketProvider = sockets;
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl))
        {
            config.GatewayHost = options.GatewayUrl;
        }

        return config;
    }

    /// <summary>
    /// Discord.Net checks a token's shape before sending it. Real Discord tokens pass; a loopback or staging server's
    /// need not, so the check runs only against Discord itself (its API host).
    /// </summary>
    public static bool ValidatesToken(DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ApiBaseUrl.Host.EndsWith("discord.com", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The sharded client the adapter runs: the shards in <see cref="DiscordOptions.ShardIds"/> of
    /// <see cref="DiscordOptions.ShardCount"/> (empty and 0: all, as many as Discord recommends), each configured as
    /// <see cref="Socket"/> configures its one.
    /// </summary>
    public static DiscordShardedClient Sharded(DiscordOptions options, GlobalPacer? pacer = null, WebSocketProvider? sockets = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = Config(options, null, options.ShardCount > 0 ? options.ShardCount : null, pacer, sockets);
        return options.ShardIds.Count > 0 ? new DiscordShardedClient([.. options.ShardIds], config) : new DiscordShardedClient(config);
    }

    /// <summary>A REST-only client, for the messenger when no gateway runs in this process and for tests.</summary>
    public static DiscordRestClient Rest(DiscordOptions options, GlobalPacer? pacer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DiscordRestClient(new DiscordRestConfig { RestClientProvider = RestAt(options.ApiBaseUrl, pacer), LogLevel = LogSeverity.Info });
    }

    /// <summary>
    /// Discord.Net's HTTP client at the base URL; with a <paramref name="pacer"/> (one per process, shared by every
    /// client the process makes), every request but interaction endpoints waits for its slot in the global limit.
    /// </summary>
    private static RestClientProvider RestAt(Uri baseUrl, GlobalPacer? pacer)
    {
        var address = baseUrl.ToString();
        var create = DefaultRestClientProvider.Create();
        return _ =>
        {
            var client = create(address.EndsWith('/') ? address : address + "/");
            return pacer is null ? client : new PacedRestClient(client, pacer);
        };
    }
}
