namespace NetworkingBot.Slack.Api;

/// <summary>Slack's published rate-limit tiers; <see cref="PostMessage"/> is chat.postMessage's special per-channel limit.</summary>
internal enum SlackTier
{
    Tier1,
    Tier2,
    Tier3,
    Tier4,
    PostMessage,
}

/// <summary>How each method the bot uses is paced and encoded.</summary>
internal static class SlackMethods
{
    /// <summary>
    /// Form encoding works for every method; JSON only for most write methods, and read methods such as
    /// conversations.members refuse it, so JSON is opted into per method.
    /// </summary>
    public static (SlackTier Tier, bool Json) Of(string method) => method switch
    {
        "chat.postMessage" => (SlackTier.PostMessage, true),
        "chat.postEphemeral" => (SlackTier.Tier4, true),
        "chat.update" => (SlackTier.Tier3, true),
        "conversations.open" => (SlackTier.Tier3, true),
        "views.open" => (SlackTier.Tier4, true),
        "views.update" => (SlackTier.Tier4, true),
        "users.info" => (SlackTier.Tier4, false),
        "conversations.members" => (SlackTier.Tier4, false),
        "conversations.history" => (SlackTier.Tier3, false),
        "auth.test" => (SlackTier.Tier4, false),

        // Both take form arguments; completeUploadExternal's "files" goes as a JSON-encoded string.
        "files.getUploadURLExternal" => (SlackTier.Tier4, false),
        "files.completeUploadExternal" => (SlackTier.Tier4, false),
        "apps.connections.open" => (SlackTier.Tier1, false),
        _ => (SlackTier.Tier2, false),
    };

    /// <summary>Bucket size (the burst Slack tolerates) and refill per minute, kept a little under each tier's floor.</summary>
    public static (int Burst, double PerMinute) Budget(SlackTier tier) => tier switch
    {
        // apps.connections.open: a burst for the startup connections and refreshes, then one a minute.
        SlackTier.Tier1 => (10, 1),
        SlackTier.Tier2 => (5, 20),
        // conversations.open sets a Slack round's pace (a group DM is opened before its intro): at most 50 in any
        // minute, the tier's published figure, measured through the fake (a burst of 10 at 50 a minute made 59).
        SlackTier.Tier3 => (2, 48),
        SlackTier.Tier4 => (20, 100),

        // chat.postMessage's workspace-wide limit is not published ("about one a second per channel, plus a workspace
        // limit"); Tier 4's figure. One post per conversation in a round, so the per-channel budget never binds there.
        SlackTier.PostMessage => (20, 100),
        _ => (20, 100),
    };

    /// <summary>chat.postMessage: about one message a second per channel, with short bursts.</summary>
    public static (int Burst, double PerMinute) PerChannelBudget { get; } = (3, 60);
}
