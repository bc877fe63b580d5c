namespace NetworkingBot.Core.JobLeads;

/// <summary>The words members use for <see cref="JobType"/> values, in both directions.</summary>
public static class JobTypes
{
    public static readonly IReadOnlyList<string> Names = ["full-time", "part-time", "temporary", "internship", "fellowship", "volunteer"];

    public static string Name(JobType type) => Names[(int)type];

    public static JobType? Parse(string text)
    {
        var index = Names.ToList().IndexOf(text.Trim().ToLowerInvariant());
        return index < 0 ? null : (JobType)index;
    }
}
