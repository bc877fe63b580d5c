namespace NetworkingBot.Core.Network;

/// <summary>
/// One program's answer to "is this member opted in here, and what may be said about them?". Each program that knows
/// members registers one; <see cref="NetworkDirectory"/> asks them in registration order (coffee chats first, whose
/// profile says most), so anyone opted in to some program here takes part.
/// </summary>
public interface INetworkParticipants
{
    /// <summary>The member as this program knows them, or null when they are not opted in to it.</summary>
    Task<NetworkPerson?> FindAsync(string communityId, string userId, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="INetworkDirectory"/> over every program's <see cref="INetworkParticipants"/>: the first that knows the member answers.</summary>
public sealed class NetworkDirectory(IEnumerable<INetworkParticipants> programs) : INetworkDirectory
{
    public async Task<NetworkPerson?> FindAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        foreach (var program in programs)
        {
            if (await program.FindAsync(communityId, userId, cancellationToken).ConfigureAwait(false) is { } person)
            {
                return person;
            }
        }

        return null;
    }
}
