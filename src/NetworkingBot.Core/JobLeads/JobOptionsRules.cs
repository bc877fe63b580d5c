using NetworkingBot.Core.Settings;

namespace NetworkingBot.Core.JobLeads;

/// <summary>What the "Jobs" settings must be.</summary>
public sealed class JobOptionsRules : SettingRules<JobOptions>
{
    public override IEnumerable<SettingProblem> Check(JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ExpiryDays < 1)
        {
            yield return SettingProblem.Of("Jobs:ExpiryDays", options.ExpiryDays, "a whole number of days of at least 1", "45");
        }

        if (options.DuplicateWindowDays < 0)
        {
            yield return SettingProblem.Of("Jobs:DuplicateWindowDays", options.DuplicateWindowDays, "a whole number of days, 0 or more", "60");
        }

        if (options.PageSize is < 1 or > 20)
        {
            yield return SettingProblem.Of("Jobs:PageSize", options.PageSize, "a whole number from 1 to 20", "5");
        }
    }
}
