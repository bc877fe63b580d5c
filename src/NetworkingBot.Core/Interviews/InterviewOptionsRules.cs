using NetworkingBot.Core.Settings;

namespace NetworkingBot.Core.Interviews;

/// <summary>What the "Interviews" settings must be.</summary>
public sealed class InterviewOptionsRules : SettingRules<InterviewOptions>
{
    public override IEnumerable<SettingProblem> Check(InterviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var spans = new (string Name, TimeSpan Value, string Example)[]
        {
            ("AnswerWithin", options.AnswerWithin, "3.00:00:00"),
            ("KeepWaitingFor", options.KeepWaitingFor, "14.00:00:00"),
            ("FollowUpAfter", options.FollowUpAfter, "7.00:00:00"),
        };
        // At most a year: each is added to the time of a step, and dates have an end.
        foreach (var (name, value, example) in spans.Where(s => s.Value <= TimeSpan.Zero || s.Value > TimeSpan.FromDays(365)))
        {
            yield return SettingProblem.Of($"Interviews:{name}", value, $"a positive time span (d.hh:mm:ss) of at most 365 days, such as {example}", example);
        }

        if (options.MaxCandidates < 1)
        {
            yield return SettingProblem.Of("Interviews:MaxCandidates", options.MaxCandidates, "a whole number of at least 1", "3");
        }
    }
}
