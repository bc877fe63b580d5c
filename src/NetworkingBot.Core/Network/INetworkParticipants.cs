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

    /// <summary>
    /// The opted-in members among <paramref name="userIds"/>, by user id. By default one <see cref="FindAsync"/> each:
    /// a program whose members can number thousands reads them in bulk instead.
    /// </summary>
    async Task<IReadOnlyDictionary<string, NetworkPerson>> FindManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, NetworkPerson>(StringComparer.Ordinal);
        foreach (var userId in userIds)
        {
            if (await FindAsync(communityId, userId, cancellationToken).ConfigureAwait(false) is { } person)
            {
                found[userId] = person;
            }
        }

        return found;
    }
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

    public async Task<IReadOnlyDictionary<string, NetworkPerson>> FindManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        // Each program answers for those the programs before it did not know, as FindAsync's order does.
        var found = new Dictionary<string, NetworkPerson>(StringComparer.Ordinal);
        foreach (var program in programs)
        {
            var rest = userIds.Where(id => !found.ContainsKey(id)).ToList();
            if (rest.Count == 0)
            {
                break;
            }

            foreach (var (id, person) in await program.FindManyAsync(communityId, rest, cancellationToken).ConfigureAwait(false))
            {
                found[id] = person;
            }
        }

        return found;
    }
}
