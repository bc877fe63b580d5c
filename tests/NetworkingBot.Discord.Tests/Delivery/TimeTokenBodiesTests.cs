using NetworkingBot.Testing.Fakes;
using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Discord.Delivery;

namespace NetworkingBot.Discord.Tests.Delivery;

/// <summary>A DM's time tokens reach Discord as &lt;t:UNIX:F&gt; timestamps, which each reader sees in their own zone.</summary>
public sealed class TimeTokenBodiesTests
{
    private readonly RecordingLogger<TimeTokenBodiesTests> _logger = new();

    [Fact]
    public void Time_tokens_in_an_intro_become_full_timestamps_in_the_embed()
    {
        var slot = new DateTimeOffset(2026, 12, 8, 15, 0, 0, TimeSpan.Zero);
        var text = $"☕ Coffee chat, round 1: you're meeting <@222>!\nTimes that suit you both:\n   • {TimeTokens.Write(slot, ["Europe/London", "America/New_York"])}\n";

        var body = Assert.Single(MessageBodies.Build(text, [], "round:r1:intro:111", null, _logger, embed: true));

        var embed = Assert.Single(body.Embeds!);
        Assert.Contains($"• <t:{slot.ToUnixTimeSeconds()}:F>", embed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001F', embed.Description!);
    }
}
