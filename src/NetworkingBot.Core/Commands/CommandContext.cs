namespace NetworkingBot.Core.Commands;

/// <summary>Where a command came from. The core only ever sees this name, never a platform type.</summary>
public enum Platform
{
    Console,
    Discord,
    Slack,
}

/// <summary>A person as the platform names them. <see cref="Id"/> is stable; <see cref="DisplayName"/> is for text.</summary>
public sealed record UserRef(string Id, string DisplayName);

/// <summary>
/// Everything the core needs to know about who is asking and where.
/// <see cref="CommunityId"/> is globally unique and starts with the platform ("discord:123", "console:local"),
/// so one store can hold several communities on several platforms.
/// </summary>
public sealed record CommandContext(
    Platform Platform,
    string CommunityId,
    string ChannelId,
    UserRef Actor,
    bool IsOrganizer);
