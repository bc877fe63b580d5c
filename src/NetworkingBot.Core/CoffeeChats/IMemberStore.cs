namespace NetworkingBot.Core.CoffeeChats;

/// <summary>Coffee-chat members. Every store (SQLite, Redis) passes the same contract suite.</summary>
public interface IMemberStore
{
    Task<Member?> GetAsync(string communityId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The members of <paramref name="userIds"/> that have a record, by user id, in one read: an export names thousands
    /// of contacts, and a read per name made it hundreds of milliseconds.
    /// </summary>
    Task<IReadOnlyDictionary<string, Member>> GetManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>All members of a community, including those who left, ordered by user id.</summary>
    Task<IReadOnlyList<Member>> ListAsync(string communityId, CancellationToken cancellationToken = default);

    Task UpsertAsync(Member member, CancellationToken cancellationToken = default);

    /// <summary>Removes the member record; returns false when there was none.</summary>
    Task<bool> DeleteAsync(string communityId, string userId, CancellationToken cancellationToken = default);
}
