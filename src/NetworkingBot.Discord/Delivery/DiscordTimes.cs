using System.Globalization;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Discord.Delivery;

/// <summary>
/// Turns the core's time tokens into Discord timestamps (<c>&lt;t:UNIX:F&gt;</c>, "Tuesday, 8 December 2026 15:00"
/// in each reader's own zone and language). Self-contained so the Discord.Net port can call it from its renderer.
/// </summary>
internal static class DiscordTimes
{
    public static string Render(string text) =>
        TimeTokens.Render(text, t => $"<t:{t.Instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:F>");
}
