namespace NetworkingBot.Core.Abstractions;

/// <summary>
/// Thrown by a messenger when the platform refuses a DM because of the recipient's own settings (Discord's
/// 50007: DMs from server members closed). Not a fault to retry: the caller records it and moves on.
/// </summary>
public sealed class RecipientUnreachableException : Exception
{
    public RecipientUnreachableException(string userId, string reason, Exception? inner = null)
        : base($"Cannot send a direct message to {userId}: {reason}", inner)
    {
        UserId = userId;
        Reason = reason;
    }

    public RecipientUnreachableException()
        : this("", "unknown")
    {
    }

    public RecipientUnreachableException(string message)
        : this("", message)
    {
    }

    public string UserId { get; } = "";

    public string Reason { get; } = "";
}
