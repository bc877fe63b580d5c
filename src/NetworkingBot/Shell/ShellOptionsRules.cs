using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Settings;

namespace NetworkingBot.Shell;

/// <summary>What the "Shell" settings must be.</summary>
public sealed class ShellOptionsRules : SettingRules<ShellOptions>
{
    public override IEnumerable<SettingProblem> Check(ShellOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Organisers.Count == 0 || options.Organisers.Any(string.IsNullOrWhiteSpace))
        {
            yield return new SettingProblem("Shell:Organisers", "names no simulated organiser", "a list of user names such as [\"admin\"]", SettingProblem.FixBy("Shell:Organisers:0", "admin"));
        }

        if (!CommunityId.TryParse(options.Community, out var community) || community.Platform != Platform.Console)
        {
            var example = new CommunityId(Platform.Console, "local").Key;
            yield return SettingProblem.Of("Shell:Community", options.Community, $"a community id that starts with \"console:\", such as {example}", example);
        }

        if (string.IsNullOrWhiteSpace(options.Channel))
        {
            yield return SettingProblem.Of("Shell:Channel", options.Channel, "a channel name such as general", "general");
        }
    }
}
