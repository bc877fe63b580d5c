using System.Globalization;

namespace NetworkingBot.Discord;

/// <summary>The OAuth2 link that adds the bot to a server with the scopes and permissions it needs.</summary>
public static class DiscordInvite
{
    /// <summary>
    /// View Channels (1 &lt;&lt; 10), Send Messages (1 &lt;&lt; 11), Embed Links (1 &lt;&lt; 14), and Read Message History
    /// (1 &lt;&lt; 16), without which reading a channel back (to find a message already sent) answers nothing: all the bot uses.
    /// </summary>
    public const ulong Permissions = (1UL << 10) | (1UL << 11) | (1UL << 14) | (1UL << 16);

    public static Uri For(string applicationId) =>
        new($"https://discord.com/oauth2/authorize?client_id={Uri.EscapeDataString(applicationId)}&scope=bot%20applications.commands&permissions={Permissions.ToString(CultureInfo.InvariantCulture)}");
}
