using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network;

/// <summary>The limits on one introducer: a pair at most once in 90 days, at most five introductions a day.</summary>
public static class IntroRules
{
    /// <summary>Why <paramref name="introducerId"/> may not introduce this pair now, given their recent introductions; null when they may.</summary>
    public static UserError? Check(IReadOnlyList<IntroRecord> recent, string firstId, string secondId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recent);
        if (recent.FirstOrDefault(i => i.IsOfPair(firstId, secondId) && i.At > now - NetworkLimits.QuietPeriod) is { } earlier)
        {
            return new UserError("intro_repeated", $"You introduced these two on {NetworkTexts.Day(earlier.At)}; the same pair can be introduced again after 90 days. Nothing was sent.");
        }

        return recent.Count(i => i.At > now.AddDays(-1)) >= NetworkLimits.IntrosPerDay
            ? new UserError("intro_daily_limit", $"You have made {NetworkLimits.IntrosPerDay} introductions in the last day, the most a day allows; try again tomorrow. Nothing was sent.")
            : null;
    }
}
