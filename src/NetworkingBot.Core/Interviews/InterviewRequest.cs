namespace NetworkingBot.Core.Interviews;

/// <summary>
/// Where a request is in its life. <see cref="InterviewRequest.DueAt"/> says when the next scheduled step runs:
/// the answer deadline while <see cref="Asking"/>, the next retry while <see cref="Waiting"/>, the "Did it happen?"
/// question while <see cref="Accepted"/>, the connect nudge while <see cref="Met"/>.
/// </summary>
public enum RequestStatus
{
    Asking,
    Waiting,
    Accepted,
    FollowUpSent,
    Met,
    FellThrough,
    Cancelled,
    Expired,
}

/// <summary>
/// A member's request for an informational interview. <see cref="Asked"/> lists every volunteer asked so far
/// (never asked twice); <see cref="VolunteerId"/> is the one asked now, or the one who accepted.
/// <see cref="Version"/> grows by one with every saved change, so two processes cannot both apply a step.
/// </summary>
public sealed record InterviewRequest(
    string RequestId,
    string CommunityId,
    string RequesterId,
    string RequesterName,
    IReadOnlyList<string> Specialties,
    string Learn,
    string? TimeZone,
    RequestStatus Status,
    string? VolunteerId,
    IReadOnlyList<string> Asked,
    int AskedThisSearch,
    string? MatchReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? WaitUntil,
    int Version)
{
    /// <summary>Open requests still need something from someone; the others are history.</summary>
    public bool IsOpen => Status is RequestStatus.Asking or RequestStatus.Waiting or RequestStatus.Accepted or RequestStatus.FollowUpSent;

    /// <summary>Whether this request holds one of the volunteer's monthly slots (asked now, or accepted and not fallen through).</summary>
    public bool HoldsSlotOf(string volunteerId) =>
        VolunteerId == volunteerId && Status is RequestStatus.Asking or RequestStatus.Accepted or RequestStatus.FollowUpSent or RequestStatus.Met;

    /// <summary>Whether the volunteer accepted this request (it happened, or is planned).</summary>
    public bool AcceptedBy(string volunteerId) =>
        VolunteerId == volunteerId && AcceptedAt is not null && Status is RequestStatus.Accepted or RequestStatus.FollowUpSent or RequestStatus.Met;

    /// <summary>The next version of this request, to be saved with <c>TryUpdateRequestAsync</c>.</summary>
    public InterviewRequest Next() => this with { Version = Version + 1 };
}

/// <summary>One line of a member's network log: who they met, how, and when (read later by the My network program).</summary>
public sealed record NetworkEntry(string CommunityId, string UserId, string OtherUserId, string Kind, string SourceId, DateTimeOffset At);
