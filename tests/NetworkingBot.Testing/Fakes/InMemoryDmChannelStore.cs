using System.Collections.Concurrent;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Testing.Fakes;

/// <summary><see cref="IDmChannelStore"/> in memory; passes the same contract suite as the real stores.</summary>
public sealed class InMemoryDmChannelStore : IDmChannelStore
{
    private readonly ConcurrentDictionary<(string Community, string Members), string> _channels = new();

    /// <summary>Test convenience: how many conversations are kept.</summary>
    public int Count => _channels.Count;

    public Task<string?> FindAsync(CommunityId community, string members, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members);
        return Task.FromResult(_channels.TryGetValue((community.Key, members), out var id) ? id : null);
    }

    public Task SaveAsync(CommunityId community, string members, string channelId, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members, channelId);
        _channels[(community.Key, members)] = channelId;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, string>> ListForMemberAsync(CommunityId community, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(_channels
            .Where(e => e.Key.Community == community.Key && IDmChannelStore.HasMember(e.Key.Members, userId))
            .ToDictionary(e => e.Key.Members, e => e.Value, StringComparer.Ordinal));

    public Task<int> ForgetMemberAsync(CommunityId community, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_channels.Keys
            .Where(k => k.Community == community.Key && IDmChannelStore.HasMember(k.Members, userId))
            .Count(k => _channels.TryRemove(k, out _)));

    public Task ForgetAsync(CommunityId community, string members, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members);
        _channels.TryRemove((community.Key, members), out _);
        return Task.CompletedTask;
    }
}
