namespace NetworkingBot.Core.Network;

/// <summary>
/// Who may take part in the follow-up program: members opted in to some program of the community, with what a
/// nudge or an introduction needs to say about them. <see cref="NetworkDirectory"/> implements it over each program's
/// <see cref="INetworkParticipants"/>, so this folder reads nobody's store and the programs call into it without a cycle.
/// </summary>
public interface INetworkDirectory
{
    /// <summary>The opted-in member <paramref name="userId"/> of the community, or null (never joined, left or forgotten).</summary>
    Task<NetworkPerson?> FindAsync(string communityId, string userId, CancellationToken cancellationToken = default);

    /// <summary>The opted-in members among <paramref name="userIds"/>, by user id, read in bulk (an export names thousands).</summary>
    Task<IReadOnlyDictionary<string, NetworkPerson>> FindManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);
}

/// <summary>What the program may say about a member.</summary>
/// <param name="UserId">The platform's id.</param>
/// <param name="DisplayName">The name to show, already sanitised.</param>
/// <param name="TimeZone">The IANA zone of the member's mornings; UTC when they gave none.</param>
/// <param name="Interests">Lower-case interest tags, for naming a matching job lead.</param>
/// <param name="ProfileLine">One line an introduction shows about them.</param>
public sealed record NetworkPerson(string UserId, string DisplayName, string TimeZone, IReadOnlyList<string> Interests, string ProfileLine);
