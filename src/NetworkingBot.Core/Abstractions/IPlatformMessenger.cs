namespace NetworkingBot.Core.Abstractions;

/// <summary>
/// One platform's sender, picked by the host's router. <see cref="Prefix"/> is the community-id prefix it serves ("console", "discord", "slack").
/// Adapters implement it; the core only sees <see cref="IMessenger"/>.
/// </summary>
public interface IPlatformMessenger
{
    string Prefix { get; }

    /// <summary>Whether this platform accepts <see cref="MessageKind.Group"/> messages.</summary>
    bool SupportsGroups => false;

    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
