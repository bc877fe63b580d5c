namespace NetworkingBot.Discord.Delivery;

/// <summary>
/// Discord refused a DM with error 50007 ("Cannot send messages to this user"): the member closed DMs from
/// server members, blocked the bot, or shares no server with it. Retrying will not help; the caller records it
/// and tells the member in a channel instead.
/// </summary>
public sealed class DirectMessagesClosedException : Exception
{
    public DirectMessagesClosedException(string userId, Exception? innerException)
        : base($"Discord user {userId} does not accept direct messages from the bot (error 50007).", innerException)
    {
        UserId = userId;
    }

    public DirectMessagesClosedException(string userId)
        : this(userId, null)
    {
    }

    public DirectMessagesClosedException()
        : this("unknown", null)
    {
    }

    /// <summary>The Discord user id (snowflake) whose DMs are closed.</summary>
    public string UserId { get; }
}
