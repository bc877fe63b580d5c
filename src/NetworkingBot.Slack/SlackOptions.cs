namespace NetworkingBot.Slack;

/// <summary>
/// The "Slack" configuration section. Tokens come from environment variables or user secrets
/// (<c>Slack__AppToken</c>, <c>Slack__BotToken</c>), never from a checked-in file.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>App-level token (<c>xapp-…</c>) with <c>connections:write</c>; used only for <c>apps.connections.open</c>.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>Bot token (<c>xoxb-…</c>) for every other Web API call.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Web API base address; tests point it at the fake server.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>How many Socket Mode connections to keep open at once (Slack allows up to 10).</summary>
    public int Connections { get; set; } = 2;

    /// <summary>Slack user ids who may run organiser commands, besides workspace admins and owners.</summary>
    public IList<string> OrganiserUserIds { get; } = [];

    /// <summary>When set, envelopes from any other workspace are acknowledged and ignored.</summary>
    public string? TeamId { get; set; }

    /// <summary>
    /// How long a command may take and still answer inside the envelope ack. Slack wants the ack within 3 s;
    /// anything slower is acked plainly and answered through <c>response_url</c>.
    /// </summary>
    public TimeSpan InstantAnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long admin/owner status from <c>users.info</c> is trusted before it is asked again.</summary>
    public TimeSpan UserCacheExpiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>First wait before reconnecting after a dropped socket; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After a refresh, how long the old socket may keep delivering before we close it ourselves
    /// (Slack normally closes it first).
    /// </summary>
    public TimeSpan RefreshGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The largest Socket Mode frame read (bytes). Real envelopes are a few kilobytes; a larger frame is dropped
    /// unread and the connection reset, so one hostile or broken frame cannot make the process buffer it whole.
    /// </summary>
    public int MaxFrameBytes { get; set; } = 4 * 1024 * 1024;
}
