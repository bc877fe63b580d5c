using NetworkingBot.Core.JobLeads;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// A job lead as hash fields: what never changes in one JSON field (<c>lead</c>), apart from what an update
/// replaces (<c>status</c>, <c>closedAt</c>, <c>closedBy</c>, <c>postRef</c>) and what forget-me detaches
/// (<c>sharerId</c>, <c>sharerName</c>, <c>anonymous</c>). Each of those is a JSON value of its own, so a script
/// can compare and set it without parsing anything.
/// </summary>
internal static class LeadFields
{
    public const string Lead = "lead";
    public const string SharerId = "sharerId";
    public const string SharerName = "sharerName";
    public const string Anonymous = "anonymous";
    public const string Status = "status";
    public const string ClosedAt = "closedAt";
    public const string ClosedBy = "closedBy";
    public const string PostRef = "postRef";

    private sealed record LeadIdentity(
        string CommunityId, string Title, string Employer, string? Location, bool Remote, string? Link, string? LinkKey,
        DateOnly? Deadline, JobType Type, IReadOnlyList<string> Tags, string? Salary, string? Note, bool Unposted,
        DateTimeOffset SharedAt, DateTimeOffset ExpiresAt);

    /// <summary>Every field of <paramref name="lead"/>. No number: the add script assigns it, and the key names it.</summary>
    public static List<KeyValuePair<string, string>> ForAdd(JobLead lead) =>
    [
        new(Lead, RedisJson.Write(new LeadIdentity(
            lead.CommunityId, lead.Title, lead.Employer, lead.Location, lead.Remote, lead.Link, lead.LinkKey, lead.Deadline,
            lead.Type, lead.Tags, lead.Salary, lead.Note, lead.Unposted, lead.SharedAt, lead.ExpiresAt))),
        new(SharerId, RedisJson.Write(lead.SharerId)),
        new(SharerName, RedisJson.Write(lead.SharerName)),
        new(Anonymous, RedisJson.Write(lead.Anonymous)),
        .. ForUpdate(lead),
    ];

    /// <summary>What <c>UpdateLeadAsync</c> replaces, and nothing else.</summary>
    public static List<KeyValuePair<string, string>> ForUpdate(JobLead lead) =>
    [
        new(Status, RedisJson.Write(lead.Status)),
        new(ClosedAt, RedisJson.Write(lead.ClosedAt)),
        new(ClosedBy, RedisJson.Write(lead.ClosedBy)),
        new(PostRef, RedisJson.Write(lead.PostRef)),
    ];

    /// <summary>Lead <paramref name="number"/> from its <paramref name="fields"/>, or null when the hash is empty (no such lead).</summary>
    public static JobLead? Read(int number, IReadOnlyDictionary<string, string> fields)
    {
        if (fields.Count == 0)
        {
            return null;
        }

        var id = RedisJson.Read<LeadIdentity>(fields[Lead]);
        return new JobLead(
            id.CommunityId, number, id.Title, id.Employer, id.Location, id.Remote, id.Link, id.LinkKey, id.Deadline, id.Type, id.Tags,
            id.Salary, id.Note, RedisJson.Read<bool>(fields[Anonymous]), id.Unposted, RedisJson.Read<string>(fields[SharerId]),
            RedisJson.Read<string>(fields[SharerName]), id.SharedAt, id.ExpiresAt, RedisJson.Read<JobLeadStatus>(fields[Status]),
            ReadNullable<DateTimeOffset?>(fields[ClosedAt]), ReadNullable<string>(fields[ClosedBy]))
        {
            PostRef = ReadNullable<string>(fields[PostRef]),
        };
    }

    /// <summary>The sort key of the by-time index's member: shared ticks, then the number, fixed width.</summary>
    public static string TimePrefix(DateTimeOffset sharedAt) =>
        sharedAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + ":";

    // RedisJson.Read refuses null; these fields hold "null" on purpose.
    private static T? ReadNullable<T>(string json) => System.Text.Json.JsonSerializer.Deserialize<T>(json, RedisJson.Options);
}
