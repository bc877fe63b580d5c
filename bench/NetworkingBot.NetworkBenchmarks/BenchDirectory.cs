using NetworkingBot.Core.Network;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>
/// Names for the handlers from memory, so the list and export timings are the store's and the rendering's, not the
/// member store's (the real directory reads each program's members; that cost is outside this benchmark).
/// </summary>
public sealed class BenchDirectory : INetworkDirectory
{
    public Task<NetworkPerson?> FindAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<NetworkPerson?>(Person(userId));

    public Task<IReadOnlyDictionary<string, NetworkPerson>> FindManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, NetworkPerson>>(userIds.Distinct().ToDictionary(id => id, Person));

    private static NetworkPerson Person(string userId) => new(userId, "Member " + userId, "Europe/London", ["archives"], "Archivist");
}
