namespace NetworkingBot.Core.Network;

/// <summary>
/// Where the follow-up program keeps members' logs, notes, settings, introductions and due nudges. Every store
/// implements it and passes <c>NetworkStoreContractTests</c>. Due nudges are found through an index on their due
/// time, and a page of a log is read in the store, so neither grows with the size of the community.
/// </summary>
public interface INetworkStore
{
    /// <summary>
    /// Records a meeting in <paramref name="meeting"/>'s owner's log. A new contact is added as given. An existing one
    /// keeps its how, first met and reminders; it stays planned only if both are planned, and its last spoke moves
    /// to the meeting's if that is later and the meeting was held. Returns the entry as stored.
    /// </summary>
    Task<NetworkContact> RecordMeetingAsync(NetworkContact meeting, CancellationToken cancellationToken = default);

    /// <summary>The entry about <paramref name="otherId"/> in <paramref name="ownerId"/>'s log, or null.</summary>
    Task<NetworkContact?> GetContactAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of <paramref name="ownerId"/>'s log, most recently spoken first (then by other member's id), optionally
    /// only entries whose other member's id or how contains <paramref name="search"/> (case-insensitive).
    /// </summary>
    Task<ContactPage> ListContactsAsync(string communityId, string ownerId, string? search, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Sets an existing entry's last spoke (and confirms a planned meeting); false when there is no such entry.</summary>
    Task<bool> SetLastSpokeAsync(string communityId, string ownerId, string otherId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Turns reminders about one contact on or off; false when there is no such entry.</summary>
    Task<bool> SetRemindersAsync(string communityId, string ownerId, string otherId, bool on, CancellationToken cancellationToken = default);

    /// <summary>Removes one entry from its owner's log with its notes and due nudges; false when there was none.</summary>
    Task<bool> RemoveContactAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default);

    /// <summary>Adds a private note to an entry of its author's log.</summary>
    Task AddNoteAsync(NetworkNote note, CancellationToken cancellationToken = default);

    /// <summary>The notes <paramref name="ownerId"/> wrote about <paramref name="otherId"/>, oldest first.</summary>
    Task<IReadOnlyList<NetworkNote>> ListNotesAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default);

    /// <summary>Every note <paramref name="ownerId"/> wrote, by contact then time (for export).</summary>
    Task<IReadOnlyList<NetworkNote>> ListAllNotesAsync(string communityId, string ownerId, CancellationToken cancellationToken = default);

    /// <summary>A member's settings, or <see cref="NetworkSettings.Default"/> when they never chose.</summary>
    Task<NetworkSettings> GetSettingsAsync(string communityId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Saves a member's settings.</summary>
    Task SaveSettingsAsync(NetworkSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Stores a due nudge, replacing the same owner's nudge of the same kind about the same contact.</summary>
    Task ScheduleNudgeAsync(NetworkNudge nudge, CancellationToken cancellationToken = default);

    /// <summary>Every stored nudge of one owner, by due time (what is waiting for them).</summary>
    Task<IReadOnlyList<NetworkNudge>> ListNudgesAsync(string communityId, string ownerId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> nudges due at or before <paramref name="now"/>, in any community, earliest first.</summary>
    Task<IReadOnlyList<NetworkNudge>> ListDueNudgesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes due nudges out of the store in one write and returns those taken: each is taken by exactly one caller,
    /// only while it is stored with the same due time, so an overlapping run or a second instance can never send it
    /// again. One write for many nudges keeps a sweep of tens of thousands from paying a commit per nudge.
    /// </summary>
    Task<IReadOnlyList<NetworkNudge>> TakeNudgesAsync(IReadOnlyList<NetworkNudge> nudges, CancellationToken cancellationToken = default);

    /// <summary>Records an introduction.</summary>
    Task AddIntroAsync(IntroRecord intro, CancellationToken cancellationToken = default);

    /// <summary>The introductions <paramref name="introducerId"/> made at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<IntroRecord>> ListIntrosSinceAsync(string communityId, string introducerId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets a member: deletes their log, notes, settings, nudges and the introductions they made or were part of;
    /// in others' logs their entry becomes a former member's (the owners' notes stay), and no nudge about them is
    /// left. Returns how many of their own entries and notes were deleted.
    /// </summary>
    Task<int> ForgetMemberAsync(string communityId, string userId, CancellationToken cancellationToken = default);
}
