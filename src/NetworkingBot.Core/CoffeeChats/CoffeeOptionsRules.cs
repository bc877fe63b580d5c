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

        if (options.MissedRoundGrace < TimeSpan.Zero)
        {
            yield return SettingProblem.Of("Coffee:MissedRoundGrace", options.MissedRoundGrace, "a time span that is not negative, such as 12:00:00", "12:00:00");
        }
    }
}
