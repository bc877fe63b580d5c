using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Messaging;

/// <summary>
/// The core's <see cref="IMessenger"/>: community ids start with their platform ("discord:123"), so each
/// message goes to the adapter of the community it belongs to.
/// </summary>
public sealed class MessengerRouter(IEnumerable<IPlatformMessenger> platforms) : IMessenger
{
    private readonly Dictionary<string, IPlatformMessenger> _byPrefix = platforms.ToDictionary(p => p.Prefix, StringComparer.Ordinal);

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        var colon = message.CommunityId.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? message.CommunityId : message.CommunityId[..colon];
        return _byPrefix.TryGetValue(prefix, out var platform)
            ? platform.SendAsync(message, cancellationToken)
            : throw new InvalidOperationException($"No adapter is running for community '{message.CommunityId}' (platform '{prefix}').");
    }
}
