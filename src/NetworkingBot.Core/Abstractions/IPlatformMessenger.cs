using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Abstractions;

/// <summary>
/// One platform's sender, picked by the host's router by the <see cref="Commands.CommunityId.Platform"/> of each message's community.
/// Adapters implement it; the core only sees <see cref="IMessenger"/>.
/// </summary>
public interface IPlatformMessenger
{
    /// <summary>The platform whose communities this sender serves.</summary>
    Platform Platform { get; }

    /// <summary>Whether this platform accepts <see cref="MessageKind.Group"/> messages.</summary>
    bool SupportsGroups => false;

    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>See <see cref="IMessenger.PostAsync"/>: sends, and returns a reference for <see cref="EditAsync"/> or null.</summary>
    async Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>See <see cref="IMessenger.EditAsync"/>: false when this platform cannot edit or the message is gone.</summary>
    Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>See <see cref="IMessenger.FindSentAsync"/>: whether this platform already holds the message, when it can tell.</summary>
    Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken) => Task.FromResult(SentLookup.Unknown);
}
