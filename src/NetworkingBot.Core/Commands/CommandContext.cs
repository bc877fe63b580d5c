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
/// <see cref="Community"/> is the platform and its native id; <see cref="CommunityId"/> is its stored form
/// ("discord:123", "console:local"), globally unique, so one store can hold several communities on several platforms.
/// The stored form stays a string property because every store port and program keys by it.
/// Where the platform must be asked whether the actor is an organiser (a web call), the adapter leaves
/// <see cref="IsOrganiser"/> false and sets <see cref="CheckOrganiser"/>: the dispatcher calls it only for commands
/// whose answer depends on it.
/// </summary>
public sealed record CommandContext(
    CommunityId Community,
    string ChannelId,
    UserRef Actor,
    bool IsOrganiser)
{
    /// <summary>The platform the command came from, the community's.</summary>
    public Platform Platform => Community.Platform;

    /// <summary>The community's stored form (<see cref="Commands.CommunityId.Key"/>), the key every store uses.</summary>
    public string CommunityId => Community.Key;

    /// <summary>Asks the platform whether the actor is an organiser; null when <see cref="IsOrganiser"/> is already known.</summary>
    public OrganiserCheck? CheckOrganiser { get; init; }
}

/// <summary>The adapter's answer to "is this person an organiser here?", asked only when a command needs it.</summary>
public delegate Task<bool> OrganiserCheck(CancellationToken cancellationToken);
