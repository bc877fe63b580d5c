using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Messaging;

/// <summary>One platform's sender. <see cref="Prefix"/> is the community-id prefix it serves ("console", "discord", "slack").</summary>
public interface IPlatformMessenger
{
    string Prefix { get; }

    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
