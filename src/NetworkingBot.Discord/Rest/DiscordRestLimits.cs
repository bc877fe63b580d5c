namespace NetworkingBot.Discord.Rest;

/// <summary>
/// The REST client's limits and back-offs. The defaults follow Discord's documented limits; tests shorten the
/// waits. Discord's real per-route limits are never configured here: they are read from the response headers.
/// </summary>
public sealed record DiscordRestLimits
{
    /// <summary>
    /// Discord allows 50 requests per second per bot (interaction callbacks are exempt). We take 48: a request spaced
    /// exactly a second after the 50th-last one can reach Discord inside the same window when its predecessor's trip
    /// was slower, which at exactly 50 cost 29-34 global 429s a 1,000-member round (issue 18); 4% under the limit keeps
    /// a round within 5% of the limit's floor.
    /// </summary>
    public int GlobalPerSecond { get; init; } = 48;

    /// <summary>Attempts for one request that keeps failing with 502/503/504 or a network error.</summary>
    public int TransientAttempts { get; init; } = 4;

    /// <summary>The first back-off after a transient failure; it doubles on each further attempt.</summary>
    public TimeSpan TransientBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The pause after a 429 without rate-limit headers (a Cloudflare IP block). Such blocks last about an
    /// hour; knocking again sooner only extends them.
    /// </summary>
    public TimeSpan BlockedBackoff { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Invalid responses (401/403/429) in the 10-minute window at which a warning is logged.</summary>
    public int InvalidRequestWarning { get; init; } = 2_500;

    /// <summary>Invalid responses in the window above which every request is spaced out.</summary>
    public int InvalidRequestSlowDown { get; init; } = 5_000;

    /// <summary>Discord bans the IP for a while at 10,000 invalid responses in 10 minutes.</summary>
    public int InvalidRequestBan { get; init; } = 10_000;
}
