namespace NetworkingBot.Core.Interviews;

/// <summary>Informational-interview timings (section "Interviews" of the config).</summary>
public sealed class InterviewOptions
{
    public const string Section = "Interviews";

    /// <summary>How long a volunteer has to accept or decline before the next candidate is asked.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How many volunteers one search asks before the request waits.</summary>
    public int MaxCandidates { get; set; } = 3;

    /// <summary>How long a request nobody could take is kept and retried.</summary>
    public TimeSpan KeepWaitingFor { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long after acceptance the requester is asked "Did it happen?".</summary>
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromDays(7);
}
