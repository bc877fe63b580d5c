using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Gateway;

/// <summary>What a shard and each of its connections share and never change.</summary>
internal sealed record ShardContext(
    int ShardId,
    int ShardCount,
    string Token,
    Uri GatewayUrl,
    IGatewayDispatchHandler Handler,
    GatewayIdentifyScheduler IdentifyScheduler,
    GatewaySettings Settings,
    TimeProvider Time,
    Func<double> Random,
    ILogger Logger,
    int MaxInboundFrameBytes = DiscordOptions.DefaultMaxInboundFrameBytes);
