namespace NetworkingBot.Storage.Redis;

/// <summary>The keys of <see cref="RedisInterviewStore"/>.</summary>
internal static partial class RedisKeys
{
    /// <summary>Hash: user id to interview offer JSON.</summary>
    public static string InterviewOffers(string communityId) => "interview-offers:" + communityId;

    public const string InterviewRequestPrefix = "interview-request:";

    /// <summary>Hash: the fields of one request (see <see cref="RedisInterviewStore"/>).</summary>
    public static string InterviewRequest(string requestId) => InterviewRequestPrefix + requestId;

    public const string InterviewRequestsPrefix = "interview-requests:";

    /// <summary>Set: the ids of a community's requests.</summary>
    public static string InterviewRequests(string communityId) => InterviewRequestsPrefix + communityId;

    /// <summary>
    /// Sorted set, every score 0: "{due ticks, 19 digits}:{request id}" for each request with a due step, so the
    /// lexical order is due time then id, and what is due is one range read, exact to the tick.
    /// </summary>
    public const string InterviewDue = "interview-due";

    /// <summary>Hash: source id to network entry JSON, one per member of a community.</summary>
    public static string Network(string communityId, string userId) => "network:" + Pair(communityId, userId);
}
