using NetworkingBot.Core.JobLeads;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>A job_leads row as Dapper reads and writes it.</summary>
internal sealed class JobLeadRow
{
    public const string Columns =
        """
        community_id AS CommunityId, number AS Number, title AS Title, employer AS Employer, location AS Location,
        remote AS Remote, link AS Link, link_key AS LinkKey, deadline AS Deadline, type AS Type, tags AS Tags,
        salary AS Salary, note AS Note, anonymous AS Anonymous, unposted AS Unposted, sharer_id AS SharerId,
        sharer_name AS SharerName, shared_at AS SharedAt, expires_at AS ExpiresAt, status AS Status,
        closed_at AS ClosedAt, closed_by AS ClosedBy, post_ref AS PostRef
        """;

    public string CommunityId { get; set; } = "";
    public long Number { get; set; }
    public string Title { get; set; } = "";
    public string Employer { get; set; } = "";
    public string? Location { get; set; }
    public bool Remote { get; set; }
    public string? Link { get; set; }
    public string? LinkKey { get; set; }
    public string? Deadline { get; set; }
    public string Type { get; set; } = "";
    public string Tags { get; set; } = "[]";
    public string? Salary { get; set; }
    public string? Note { get; set; }
    public bool Anonymous { get; set; }
    public bool Unposted { get; set; }
    public string SharerId { get; set; } = "";
    public string SharerName { get; set; } = "";
    public string SharedAt { get; set; } = "";
    public string ExpiresAt { get; set; } = "";
    public string Status { get; set; } = "";
    public string? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? PostRef { get; set; }

    public static JobLeadRow From(JobLead l) => new()
    {
        CommunityId = l.CommunityId, Number = l.Number, Title = l.Title, Employer = l.Employer, Location = l.Location,
        Remote = l.Remote, Link = l.Link, LinkKey = l.LinkKey, Deadline = l.Deadline is { } d ? Date(d) : null,
        Type = l.Type.ToString(), Tags = Json(l.Tags), Salary = l.Salary, Note = l.Note, Anonymous = l.Anonymous,
        Unposted = l.Unposted, SharerId = l.SharerId, SharerName = l.SharerName, SharedAt = Instant(l.SharedAt),
        ExpiresAt = Instant(l.ExpiresAt), Status = l.Status.ToString(), ClosedAt = Instant(l.ClosedAt), ClosedBy = l.ClosedBy,
        PostRef = l.PostRef,
    };

    public JobLead ToLead() => new(
        CommunityId, (int)Number, Title, Employer, Location, Remote, Link, LinkKey, Deadline is null ? null : ToDate(Deadline),
        ToEnum<JobType>(Type), ToList(Tags), Salary, Note, Anonymous, Unposted, SharerId, SharerName, ToInstant(SharedAt),
        ToInstant(ExpiresAt), ToEnum<JobLeadStatus>(Status), ToNullableInstant(ClosedAt), ClosedBy) { PostRef = PostRef };
}

/// <summary>
/// A job_subscriptions row. Its lists are stored comma-separated, not as JSON: every share reads all of a
/// community's subscriptions, and splitting is several times cheaper than parsing (tags, place words and type
/// names never contain commas; the core normalises them).
/// </summary>
internal sealed class JobSubscriptionRow
{
    public const string Columns =
        """
        community_id AS CommunityId, user_id AS UserId, tags AS Tags, location_words AS LocationWords, types AS Types,
        delivery AS Delivery, time_zone AS TimeZone, created_at AS CreatedAt, last_digest_at AS LastDigestAt
        """;

    public string CommunityId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Tags { get; set; } = "";
    public string LocationWords { get; set; } = "";
    public string Types { get; set; } = "";
    public string Delivery { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string LastDigestAt { get; set; } = "";

    public static JobSubscriptionRow From(JobSubscription s) => new()
    {
        CommunityId = s.CommunityId, UserId = s.UserId, Tags = string.Join(',', s.Tags), LocationWords = string.Join(',', s.LocationWords),
        Types = string.Join(',', s.Types), Delivery = s.Delivery.ToString(), TimeZone = s.TimeZone,
        CreatedAt = Instant(s.CreatedAt), LastDigestAt = Instant(s.LastDigestAt),
    };

    public JobSubscription ToSubscription() => new(
        CommunityId, UserId, Split(Tags), Split(LocationWords), Split(Types).Select(ToEnum<JobType>).ToList(),
        ToEnum<JobLeadDelivery>(Delivery), TimeZone, ToInstant(CreatedAt), ToInstant(LastDigestAt));

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A job_boards row.</summary>
internal sealed class JobBoardRow
{
    public const string Columns =
        """
        community_id AS CommunityId, channel_id AS ChannelId, digest_day AS DigestDay, digest_time AS DigestTime,
        time_zone AS TimeZone, last_weekly_digest_at AS LastWeeklyDigestAt, updated_at AS UpdatedAt
        """;

    public string CommunityId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string? DigestDay { get; set; }
    public string DigestTime { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string LastWeeklyDigestAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";

    public static JobBoardRow From(JobBoard b) => new()
    {
        CommunityId = b.CommunityId, ChannelId = b.ChannelId, DigestDay = b.DigestDay?.ToString(), DigestTime = Time(b.DigestTime),
        TimeZone = b.TimeZone, LastWeeklyDigestAt = Instant(b.LastWeeklyDigestAt), UpdatedAt = Instant(b.UpdatedAt),
    };

    public JobBoard ToBoard() => new(
        CommunityId, ChannelId, DigestDay is null ? null : ToEnum<DayOfWeek>(DigestDay), ToTime(DigestTime), TimeZone,
        ToInstant(LastWeeklyDigestAt), ToInstant(UpdatedAt));
}
