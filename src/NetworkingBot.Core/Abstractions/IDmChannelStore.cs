using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Abstractions;

/// <summary>
/// The direct-message conversations a platform opened for the bot (one per member, or one per set of members for a group
/// DM), kept in the store so the first round after a restart does not open them all again: a 1,000-member round's DM
/// opens are half its calls. Adapters key a conversation by its members as they spell them (<see cref="MembersKey"/>);
/// the store keeps what it is given and answers only for the community it was saved under.
/// </summary>
public interface IDmChannelStore
{
    /// <summary>The conversation saved for these members in this community, or null when none is.</summary>
    Task<string?> FindAsync(CommunityId community, string members, CancellationToken cancellationToken = default);

    /// <summary>Saves (or replaces) the conversation for these members in this community.</summary>
    Task SaveAsync(CommunityId community, string members, string channelId, CancellationToken cancellationToken = default);

    /// <summary>Forgets a saved conversation the platform says is gone, so the next send opens a new one.</summary>
    Task ForgetAsync(CommunityId community, string members, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every conversation kept with <paramref name="userId"/> among its members (their own DM and the group DMs they
    /// were in), members key to conversation id, for export-me.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ListForMemberAsync(CommunityId community, string userId, CancellationToken cancellationToken = default);

    /// <summary>Forgets every conversation with <paramref name="userId"/> among its members (forget-me); returns how many.</summary>
    Task<int> ForgetMemberAsync(CommunityId community, string userId, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="userId"/> is one of the members of a <see cref="MembersKey"/>.</summary>
    static bool HasMember(string members, string userId) => members.Split(',').Contains(userId, StringComparer.Ordinal);

    /// <summary>One key for a set of members: distinct, in ordinal order, joined by commas, so any order finds the same conversation.</summary>
    static string MembersKey(IEnumerable<string> userIds) =>
        string.Join(',', userIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>Refuses an empty members key or channel id: a caller's bug, never a member's input.</summary>
    static void Check(string members, string? channelId = "-")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(members);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
    }
}
