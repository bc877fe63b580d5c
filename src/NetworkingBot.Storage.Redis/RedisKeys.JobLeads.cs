using NetworkingBot.Core.JobLeads;

namespace NetworkingBot.Storage.Redis;

/// <summary>The keys of <see cref="RedisJobLeadStore"/>.</summary>
internal static partial class RedisKeys
{
    /// <summary>Hash: community id to job board JSON.</summary>
    public const string JobBoards = "job-boards";

    /// <summary>String counter: the community's last lead number.</summary>
    public static string JobLeadCount(string communityId) => "job-lead-count:" + communityId;

    public const string JobLeadPrefix = "job-lead:";

    /// <summary>
    /// Hash: the fields of one lead (see <see cref="LeadFields"/>). The number comes first: it is digits only, so
    /// it ends at the first colon and the community id can follow whole.
    /// </summary>
    public static string JobLead(string communityId, int number) =>
        JobLeadPrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + communityId;

    /// <summary>
    /// Sorted set, every score 0: "{shared ticks, 19 digits}:{number, 10 digits}", so the lexical order is the
    /// newest-first listing's order and "shared since" is one range read.
    /// </summary>
    public static string JobLeadsByTime(string communityId) => "job-leads:" + communityId;

    /// <summary>
    /// Hash: the token of each add to the number it got, so an add that reaches the server twice (its reply was lost to a
    /// dropped connection and it was sent again) returns that number instead of adding the lead twice.
    /// </summary>
    public static string JobLeadAdds(string communityId) => "job-lead-adds:" + communityId;

    /// <summary>
    /// Hash: user id to subscription JSON, one hash per delivery, so a share reads the instant subscribers only
    /// and the digest the daily ones only.
    /// </summary>
    public static string JobSubscriptions(JobLeadDelivery delivery, string communityId) => delivery switch
    {
        JobLeadDelivery.Instant => "job-subs-instant:" + communityId,
        JobLeadDelivery.Daily => "job-subs-daily:" + communityId,
        _ => throw new ArgumentOutOfRangeException(nameof(delivery), delivery, "Unknown lead delivery."),
    };

    /// <summary>Hash: lead number to the token of the call that recorded its delivery to the member.</summary>
    public static string JobDeliveries(string communityId, string userId) => "job-deliveries:" + Pair(communityId, userId);
}
