using NetworkingBot.Core.Settings;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>What the "Coffee" settings must be.</summary>
public sealed class CoffeeOptionsRules : SettingRules<CoffeeOptions>
{
    public override IEnumerable<SettingProblem> Check(CoffeeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DefaultCheckInAfterDays is < 1 or > 6)
        {
            yield return SettingProblem.Of("Coffee:DefaultCheckInAfterDays", options.DefaultCheckInAfterDays, "a whole number of days from 1 to 6", "4");
        }

        if (options.IgnoredCheckInsBeforePause < 1)
        {
            yield return SettingProblem.Of("Coffee:IgnoredCheckInsBeforePause", options.IgnoredCheckInsBeforePause, "a whole number of at least 1", "3");
        }

        // At most a year: the catch-up subtracts it from now, and a round older than that is history, not "missed".
        if (options.MissedRoundGrace < TimeSpan.Zero || options.MissedRoundGrace > TimeSpan.FromDays(365))
        {
            yield return SettingProblem.Of("Coffee:MissedRoundGrace", options.MissedRoundGrace, "a time span from 00:00:00 to 365.00:00:00, such as 12:00:00", "12:00:00");
        }

        // Each resumed message the platform lacks waits this long before it is sent: seconds, not minutes.
        if (options.ResendGrace < TimeSpan.Zero || options.ResendGrace > TimeSpan.FromMinutes(1))
        {
            yield return SettingProblem.Of("Coffee:ResendGrace", options.ResendGrace, "a time span from 00:00:00 to 00:01:00, such as 00:00:03", "00:00:03");
        }
    }
}
