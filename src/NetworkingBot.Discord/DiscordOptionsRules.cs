using System.Globalization;
using NetworkingBot.Core.Settings;

namespace NetworkingBot.Discord;

/// <summary>
/// What the "Discord" settings must be when the adapter runs (a token is set). The host checks every value's form
/// even when Discord is off; these rules apply only once the adapter is registered, since an empty token is how
/// an operator leaves Discord off.
/// </summary>
public sealed class DiscordOptionsRules : SettingRules<DiscordOptions>
{
    public override IEnumerable<SettingProblem> Check(DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            yield return new SettingProblem("Discord:Token", "is empty", "the bot token from the Developer Portal (Bot tab)",
                "Set Discord__Token to the bot token from the Developer Portal.");
        }

        if (options.ShardCount < 0)
        {
            yield return SettingProblem.Of("Discord:ShardCount", options.ShardCount, "0 (Discord's recommendation) or the total shards across all instances", "0");
        }
        else if (options.ShardIds.Any(id => id < 0 || (options.ShardCount > 0 && id >= options.ShardCount)))
        {
            yield return new SettingProblem(
                "Discord:ShardIds",
                "must be between 0 and Discord:ShardCount - 1",
                $"shard ids from 0 to {(options.ShardCount > 0 ? (options.ShardCount - 1).ToString(CultureInfo.InvariantCulture) : "Discord:ShardCount - 1")}, or none for every shard",
                SettingProblem.FixBy("Discord:ShardIds:0", "0"));
        }

        if (!string.IsNullOrEmpty(options.GatewayUrl)
            && !(Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) && gateway.Scheme is "ws" or "wss"))
        {
            yield return SettingProblem.Of("Discord:GatewayUrl", options.GatewayUrl, "an absolute ws:// or wss:// URL, or empty for Discord's gateway", "wss://gateway.discord.gg/");
        }

        if (options.GlobalPerSecond is < 1 or > DiscordOptions.MaxGlobalPerSecond)
        {
            yield return SettingProblem.Of(
                "Discord:GlobalPerSecond",
                options.GlobalPerSecond,
                $"from 1 to {DiscordOptions.MaxGlobalPerSecond} (Discord's limit a bot); the default is {DiscordOptions.DefaultGlobalPerSecond}",
                DiscordOptions.DefaultGlobalPerSecond.ToString(CultureInfo.InvariantCulture));
        }

        if (options.MaxInboundFrameBytes < DiscordOptions.MinInboundFrameBytes)
        {
            yield return SettingProblem.Of(
                "Discord:MaxInboundFrameBytes",
                options.MaxInboundFrameBytes,
                $"at least {DiscordOptions.MinInboundFrameBytes} (64 KiB); the default is {DiscordOptions.DefaultMaxInboundFrameBytes} (4 MiB)",
                DiscordOptions.DefaultMaxInboundFrameBytes.ToString(CultureInfo.InvariantCulture));
        }
    }
}
