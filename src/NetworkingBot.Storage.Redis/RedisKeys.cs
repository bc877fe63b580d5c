namespace NetworkingBot.Storage.Redis;

/// <summary>
/// The key layout, without the deployment prefix. Each key has its variable parts at its end: one, or two joined
/// by <see cref="Pair"/>, or a number (digits only) before an id. So no community, user or round id can make two
/// different keys collide. The interview and job-lead keys are in the other parts of this class.
/// </summary>
internal static partial class RedisKeys
{
    /// <summary>Hash: community id to program JSON.</summary>
    public const string Programs = "programs";

    /// <summary>String: the layout version, checked at start.</summary>
    public const string Schema = "schema";

    /// <summary>String: a random id and time written when the keyspace was first used; its loss means the data was lost.</summary>
    public const string Epoch = "epoch";

    /// <summary>String: when a running instance found the epoch gone; refuses a start until restored or deleted.</summary>
    public const string EpochLost = "epoch-lost";

    /// <summary>Hash: members key ("U1" or "U1,U2") to the DM conversation the platform opened for them.</summary>
    public static string DmChannels(string communityId) => "dm-channels:" + communityId;

    /// <summary>Hash: user id to member JSON.</summary>
    public static string Members(string communityId) => "members:" + communityId;

    /// <summary>Hash: the fields of one round (see <see cref="RoundFields"/>).</summary>
    public static string Round(string roundId) => "round:" + roundId;

    /// <summary>Hash: slot key to round id; the claim's uniqueness lives here.</summary>
    public static string Slots(string communityId) => "slots:" + communityId;

    /// <summary>String counter: the community's last round number.</summary>
    public static string RoundCount(string communityId) => "round-count:" + communityId;

    /// <summary>Sorted set: round ids by number.</summary>
    public static string Rounds(string communityId) => "rounds:" + communityId;

    public const string StatusPrefix = "status:";

    /// <summary>Set: ids of the rounds in one status, across communities.</summary>
    public static string Status(string status) => StatusPrefix + status;

    /// <summary>Set: delivery keys recorded for a round.</summary>
    public static string Deliveries(string roundId) => "deliveries:" + roundId;

    /// <summary>Delivery keys a round meant to send (written before each send), a set per round.</summary>
    public static string Intents(string roundId) => "intents:" + roundId;

    /// <summary>Hash: user id to check-in answer JSON.</summary>
    public static string CheckIns(string roundId) => "checkins:" + roundId;

    /// <summary>
    /// Two ids in one key: the first one's length leads, so "a:b" + "c" and "a" + "b:c" stay apart. Only the last
    /// part is ever appended inside a script, which never needs the length.
    /// </summary>
    public static string Pair(string first, string second) =>
        first.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + first + ":" + second;
}
