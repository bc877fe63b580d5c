using NetworkingBot.Core.Settings;

namespace NetworkingBot.Core.JobLeads;

/// <summary>What the "Jobs" settings must be.</summary>
public sealed class JobOptionsRules : SettingRules<JobOptions>
{
    private const int MaxDays = 3650;

    public override IEnumerable<SettingProblem> Check(JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // At most ten years: both are added to or taken from dates, which have an end.
        if (options.ExpiryDays is < 1 or > MaxDays)
        {
            yield return SettingProblem.Of("Jobs:ExpiryDays", options.ExpiryDays, $"a whole number of days from 1 to {MaxDays}", "45");
        }

        if (options.DuplicateWindowDays is < 0 or > MaxDays)
        {
            yield return SettingProblem.Of("Jobs:DuplicateWindowDays", options.DuplicateWindowDays, $"a whole number of days from 0 to {MaxDays}", "60");
        }

        if (options.PageSize is < 1 or > 20)
        {
            yield return SettingProblem.Of("Jobs:PageSize", options.PageSize, "a whole number from 1 to 20", "5");
        }
    }
}
