namespace NetworkingBot.Discord.Gateway;

/// <summary>Where a shard is in its life.</summary>
public enum GatewayShardStatus
{
    NotStarted,
    Connecting,
    Identifying,
    Resuming,
    Ready,
    Reconnecting,
    Stopped,

    /// <summary>Stopped for good by a close code that retrying cannot fix (bad token, bad intents, bad shard).</summary>
    Failed,
}

/// <summary>A snapshot of one shard, for logs, health checks and tests.</summary>
public sealed record GatewayShardState(
    int ShardId,
    int ShardCount,
    GatewayShardStatus Status,
    string? SessionId,
    int? LastSequence,
    Uri? ResumeGatewayUrl,
    int? LastCloseCode);
