using NetworkingBot.Core.Settings;

namespace NetworkingBot.Slack;

/// <summary>
/// What the "Slack" settings must be when the adapter runs (a token is set). The host checks every value's form
/// even when Slack is off; these rules apply only once the adapter is registered.
/// </summary>
public sealed class SlackOptionsRules : SettingRules<SlackOptions>
{
    /// <summary>Slack closes a Socket Mode envelope left unacked for 3 s; the instant answer must leave room for the ack.</summary>
    private static readonly TimeSpan MaxInstantAnswerBudget = TimeSpan.FromSeconds(2.5);

    public override IEnumerable<SettingProblem> Check(SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return new SettingProblem("Slack:AppToken", "must be the app-level token (xapp-…) with connections:write", "an xapp- token",
                "Set it in the Slack__AppToken environment variable.");
        }

        if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            yield return new SettingProblem("Slack:BotToken", "must be the bot token (xoxb-…)", "an xoxb- token", "Set it in the Slack__BotToken environment variable.");
        }

        if (options.Connections is < 1 or > 10)
        {
            yield return new SettingProblem("Slack:Connections", $"must be from 1 to 10 (is {options.Connections})",
                "at most 10 Socket Mode connections per app, across every instance", SettingProblem.FixBy("Slack:Connections", "2"));
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || !options.ApiBaseUrl.AbsoluteUri.EndsWith('/'))
        {
            yield return new SettingProblem("Slack:ApiBaseUrl", "must be an absolute URL ending in '/'", "a URL like https://slack.com/api/",
                SettingProblem.FixBy("Slack:ApiBaseUrl", "https://slack.com/api/"));
        }

        if (options.InstantAnswerBudget <= TimeSpan.Zero || options.InstantAnswerBudget >= MaxInstantAnswerBudget)
        {
            yield return SettingProblem.Of("Slack:InstantAnswerBudget", options.InstantAnswerBudget,
                "above zero and under 2.5 seconds, so every envelope is acked inside Slack's 3 s", "00:00:02");
        }

        if (options.MaxFrameBytes is < 64 * 1024 or > 64 * 1024 * 1024)
        {
            yield return SettingProblem.Of("Slack:MaxFrameBytes", options.MaxFrameBytes,
                "from 65536 (64 KiB) to 67108864 (64 MiB); the default 4194304 (4 MiB) is far above any real Slack frame", "4194304");
        }
    }
}
