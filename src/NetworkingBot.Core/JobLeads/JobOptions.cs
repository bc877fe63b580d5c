namespace NetworkingBot.Core.JobLeads;

/// <summary>Job-lead settings that are the operator's, not an organiser's (section "Jobs" of the config).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>A lead without a deadline expires this many days after it was shared.</summary>
    public int ExpiryDays { get; set; } = 45;

    /// <summary>Two leads with the same title and employer within this many days are one lead.</summary>
    public int DuplicateWindowDays { get; set; } = 60;

    /// <summary>Leads per page of <c>/job list</c>.</summary>
    public int PageSize { get; set; } = 5;
}
