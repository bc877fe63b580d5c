using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// A platform that takes a while to accept each message (real time, as a rate-limited API does), so two instances
/// working on the same round overlap for as long as the sends take instead of one finishing before the other starts.
/// </summary>
public sealed class SlowMessenger(IMessenger inner, TimeSpan perMessage) : IMessenger
{
    public bool SupportsGroups(string communityId) => inner.SupportsGroups(communityId);

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        await Task.Delay(perMessage, cancellationToken);
        await inner.SendAsync(message, cancellationToken);
    }
}
