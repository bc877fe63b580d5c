namespace NetworkingBot.Storage.Redis;

/// <summary>The keys of <see cref="RedisNetworkStore"/>; each per-member key is the community and member joined by <see cref="Pair"/>.</summary>
internal static partial class RedisKeys
{
    public const string NetLogPrefix = "net-log:";
    public const string NetRecentPrefix = "net-recent:";
    public const string NetNotesPrefix = "net-notes:";
    public const string NetNudgesPrefix = "net-nudges:";
    public const string NetIntrosPrefix = "net-intros:";

    /// <summary>Hash: other member's id to the entry of an owner's log (<see cref="ContactRow"/> JSON).</summary>
    public static string NetLog(string communityId, string ownerId) => NetLogPrefix + Pair(communityId, ownerId);

    /// <summary>
    /// Sorted set, every score 0: "{inverted last-spoke ticks, 19 digits}:{other id}" per entry, so lexical order is
    /// most recently spoken first, then other id, and a page is one range read by rank. Ticks are too large for a
    /// score (a double), hence the lexical form, as in <see cref="InterviewDue"/>.
    /// </summary>
    public static string NetRecent(string communityId, string ownerId) => NetRecentPrefix + Pair(communityId, ownerId);

    /// <summary>List: an owner's notes (<see cref="NoteRow"/> JSON) in the order they were written.</summary>
    public static string NetNotes(string communityId, string ownerId) => NetNotesPrefix + Pair(communityId, ownerId);

    /// <summary>Hash: "{kind}:{other id}" to the nudge's member in <see cref="NetDue"/>, one per owner.</summary>
    public static string NetNudges(string communityId, string ownerId) => NetNudgesPrefix + Pair(communityId, ownerId);

    /// <summary>Set: the owners whose log, notes or nudges name a member; forgetting them starts here.</summary>
    public static string NetAbout(string communityId, string otherId) => "net-about:" + Pair(communityId, otherId);

    /// <summary>List: the introductions one member made (<see cref="IntroRecord"/> JSON), oldest first.</summary>
    public static string NetIntros(string communityId, string introducerId) => NetIntrosPrefix + Pair(communityId, introducerId);

    /// <summary>Set: the introducers who introduced a member; forgetting them starts here.</summary>
    public static string NetIntroducedBy(string communityId, string userId) => "net-introduced-by:" + Pair(communityId, userId);

    /// <summary>Hash: user id to <see cref="Core.Network.NetworkSettings"/> JSON.</summary>
    public static string NetSettings(string communityId) => "net-settings:" + communityId;

    /// <summary>
    /// Sorted set, every score 0: "{due ticks, 19 digits}:{nudge key JSON}" across communities, so what is due is one
    /// range read by value, earliest first.
    /// </summary>
    public const string NetDue = "net-due";

    /// <summary>
    /// String, expiring after an hour: the answer a not-idempotent network script gave to one call
    /// (<see cref="CallToken"/>), so the same call sent again answers the same and writes nothing twice. A resend
    /// comes within the client's timeouts (seconds); the hour outlasts any retry, then the key goes by itself.
    /// </summary>
    public static string NetCall(string token) => "net-call:" + token;

    /// <summary>The prefix a script appends an owner's id to, for one of the per-member keys above.</summary>
    public static string Owners(string keyPrefix, string communityId) =>
        keyPrefix + communityId.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + communityId + ":";
}
