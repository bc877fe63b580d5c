namespace NetworkingBot.Discord.Delivery;

/// <summary>
/// The reference a Discord post is edited by: "{channel id}/{message id}". The channel travels with the message
/// id because editing needs both, and the post stays where it was even if the program later moves channels.
/// </summary>
internal static class DiscordPostRef
{
    public static string Format(string channelId, string messageId) => $"{channelId}/{messageId}";

    public static bool TryParse(string postRef, out string channelId, out string messageId)
    {
        var parts = postRef.Split('/');
        if (parts is [var channel, var message] && IsSnowflake(channel) && IsSnowflake(message))
        {
            (channelId, messageId) = (channel, message);
            return true;
        }

        (channelId, messageId) = ("", "");
        return false;
    }

    private static bool IsSnowflake(string value) => value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit);
}
