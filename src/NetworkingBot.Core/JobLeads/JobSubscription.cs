namespace NetworkingBot.Core.JobLeads;

/// <summary>How a subscriber hears about matching leads.</summary>
public enum JobLeadDelivery
{
    /// <summary>A DM as soon as a matching lead is shared.</summary>
    Instant,

    /// <summary>One DM a day at 09:00 in the member's time zone, listing the day's matches.</summary>
    Daily,
}

/// <summary>
/// A member's standing request for leads (one per member and community; subscribing again replaces it).
/// A lead matches when every given criterion matches: any tag in common, any location word in its location
/// (or "remote" for remote leads), its type among the types. Empty criteria match every lead.
/// <see cref="LastDigestAt"/> is when the last daily digest was due (or the subscription made), so a
/// digest fires once per day and a restart neither skips nor repeats one.
/// </summary>
public sealed record JobSubscription(
    string CommunityId,
    string UserId,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> LocationWords,
    IReadOnlyList<JobType> Types,
    JobLeadDelivery Delivery,
    string TimeZone,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastDigestAt);
