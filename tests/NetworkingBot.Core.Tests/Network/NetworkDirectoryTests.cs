using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.Tests.Network;

/// <summary>The directory's bulk read answers as one FindAsync per member would: the first program that knows a member.</summary>
public sealed class NetworkDirectoryTests
{
    private sealed class Program(string name, params string[] knows) : INetworkParticipants
    {
        public List<IReadOnlyCollection<string>> AskedMany { get; } = [];

        public Task<NetworkPerson?> FindAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
            Task.FromResult(knows.Contains(userId) ? new NetworkPerson(userId, $"{userId} ({name})", "UTC", [], name) : null);

        public Task<IReadOnlyDictionary<string, NetworkPerson>> FindManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
        {
            AskedMany.Add(userIds);
            return ((INetworkParticipants)new Plain(this)).FindManyAsync(communityId, userIds, cancellationToken);
        }

        // The interface's default bulk read, one FindAsync each, as a program without a bulk read gets.
        private sealed class Plain(Program inner) : INetworkParticipants
        {
            public Task<NetworkPerson?> FindAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
                inner.FindAsync(communityId, userId, cancellationToken);
        }
    }

    [Fact]
    public async Task Find_many_takes_each_member_from_the_first_program_that_knows_them_and_asks_the_next_only_for_the_rest()
    {
        var coffee = new Program("coffee", "ana", "sam");
        var interviews = new Program("interviews", "sam", "lee");
        var directory = new NetworkDirectory([coffee, interviews]);

        var found = await directory.FindManyAsync("c", ["ana", "sam", "lee", "nobody"]);

        Assert.Equal(["ana", "lee", "sam"], found.Keys.Order(StringComparer.Ordinal));
        foreach (var id in new[] { "ana", "sam", "lee", "nobody" })
        {
            Assert.Equal((await directory.FindAsync("c", id))?.DisplayName, found.GetValueOrDefault(id)?.DisplayName);
        }

        Assert.Equal(["lee", "nobody"], Assert.Single(interviews.AskedMany));
    }
}
