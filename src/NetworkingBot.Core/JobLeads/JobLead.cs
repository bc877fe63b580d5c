namespace NetworkingBot.Core.JobLeads;

/// <summary>Where a lead stands. Only <see cref="Open"/> leads are listed, matched and digested.</summary>
public enum JobLeadStatus
{
    Open,
    Filled,
    Expired,
    Withdrawn,
}

/// <summary>The kinds of position a lead can be, as members type them ("full-time").</summary>
public enum JobType
{
    FullTime,
    PartTime,
    Temporary,
    Internship,
    Fellowship,
    Volunteer,
}

/// <summary>
/// One job lead shared in a community. <see cref="Number"/> is the community's running number (the "#12"
/// members use to close or find it), given by the store when the lead is added. Free text is stored already
/// neutralised (no mentions), so every later rendering is safe. <see cref="TitleKey"/> and
/// <see cref="EmployerKey"/> are the normalised forms the duplicate check compares.
/// </summary>
public sealed record JobLead(
    string CommunityId,
    int Number,
    string Title,
    string Employer,
    string? Location,
    bool Remote,
    string? Link,
    string? LinkKey,
    DateOnly? Deadline,
    JobType Type,
    IReadOnlyList<string> Tags,
    string? Salary,
    string? Note,
    bool Anonymous,
    bool Unposted,
    string SharerId,
    string SharerName,
    DateTimeOffset SharedAt,
    DateTimeOffset ExpiresAt,
    JobLeadStatus Status,
    DateTimeOffset? ClosedAt,
    string? ClosedBy)
{
    public string TitleKey => JobLeadKeys.Text(Title);

    public string EmployerKey => JobLeadKeys.Text(Employer);

    public bool IsOpen => Status == JobLeadStatus.Open;

    /// <summary>
    /// The platform's reference to the lead's channel post (see <c>IMessenger.PostAsync</c>), so closing or expiring
    /// the lead can mark that post; null when it was not posted or the platform cannot edit posts.
    /// </summary>
    public string? PostRef { get; init; }
}
