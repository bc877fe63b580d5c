using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Messaging;

/// <summary>
/// The core's <see cref="IMessenger"/>: each message goes to the adapter of its community's
/// <see cref="CommunityId.Platform"/>.
/// </summary>
public sealed class MessengerRouter(IEnumerable<IPlatformMessenger> platforms) : IMessenger
{
    private readonly Dictionary<Platform, IPlatformMessenger> _byPlatform = platforms.ToDictionary(p => p.Platform);

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        PlatformOf(message.Community).SendAsync(message, cancellationToken);

    public Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        PlatformOf(message.Community).PostAsync(message, cancellationToken);

    public Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken = default) =>
        PlatformOf(replacement.Community).EditAsync(postRef, replacement, cancellationToken);

    public Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        PlatformOf(message.Community).FindSentAsync(message, cancellationToken);

    public bool SupportsGroups(string communityId) => PlatformOf(CommunityId.Parse(communityId)).SupportsGroups;

    private IPlatformMessenger PlatformOf(CommunityId community) =>
        _byPlatform.TryGetValue(community.Platform, out var platform)
            ? platform
            : throw new InvalidOperationException($"No adapter is running for community '{community}' (platform {community.Platform}).");
}
