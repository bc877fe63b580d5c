namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// Timings of the gateway. The defaults follow Discord's documentation; tests shrink them so a reconnect
/// takes milliseconds instead of seconds.
/// </summary>
public sealed record GatewaySettings
{
    /// <summary>First reconnect delay after an error; doubles per failed attempt.</summary>
    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Shortest wait before identifying again after INVALID_SESSION with <c>d:false</c>.</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before identifying again after INVALID_SESSION with <c>d:false</c>.</summary>
    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The window in which <c>max_concurrency</c> shards may identify (Discord: 5 s).</summary>
    public TimeSpan IdentifyWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gateway sends allowed per <see cref="SendWindow"/> on one connection (Discord: 120 per 60 s).</summary>
    public int SendLimit { get; init; } = 120;

    /// <summary>The window of <see cref="SendLimit"/>.</summary>
    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sends kept back for heartbeats, so a burst of other sends never starves them.</summary>
    public int HeartbeatReserve { get; init; } = 3;

    /// <summary>How long a close handshake may take before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
