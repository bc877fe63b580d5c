using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Messaging;

/// <summary>
/// The core's <see cref="IMessenger"/>: community ids start with their platform ("discord:123"), so each
/// message goes to the adapter of the community it belongs to.
/// </summary>
public sealed class MessengerRouter(IEnumerable<IPlatformMessenger> platforms) : IMessenger
{
    private readonly Dictionary<string, IPlatformMessenger> _byPrefix = platforms.ToDictionary(p => p.Prefix, StringComparer.Ordinal);

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        PlatformOf(message.CommunityId).SendAsync(message, cancellationToken);

    public Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        PlatformOf(message.CommunityId).PostAsync(message, cancellationToken);

    public Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken = default) =>
        PlatformOf(replacement.CommunityId).EditAsync(postRef, replacement, cancellationToken);

    public bool SupportsGroups(string communityId) => PlatformOf(communityId).SupportsGroups;

    private IPlatformMessenger PlatformOf(string communityId)
    {
        var colon = communityId.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? communityId : communityId[..colon];
        return _byPrefix.TryGetValue(prefix, out var platform)
            ? platform
            : throw new InvalidOperationException($"No adapter is running for community '{communityId}' (platform '{prefix}').");
    }
}
