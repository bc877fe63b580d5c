namespace NetworkingBot.Discord.Delivery;

/// <summary>The JSON error codes Discord answers with that delivery acts on, and how far back a look-up reads.</summary>
public static class DiscordCodes
{
    /// <summary>Discord's "Cannot send messages to this user".</summary>
    public const int CannotMessageUser = 50007;

    /// <summary>Discord's "Unknown Message": deleted, or never there.</summary>
    public const int UnknownMessage = 10008;

    /// <summary>Discord's "Unknown Channel": the channel was deleted.</summary>
    public const int UnknownChannel = 10003;

    /// <summary>Discord's "Missing Access".</summary>
    public const int MissingAccess = 50001;

    /// <summary>Discord's "Missing Permissions".</summary>
    public const int MissingPermissions = 50013;

    /// <summary>How many recent messages a sent-message look-up reads: a resumed send follows its crash closely.</summary>
    public const int LookBack = 50;
}
