using NetworkingBot.Core.Network;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// <see cref="INetworkStore"/> on Redis: per member a log hash with a recent set beside it (a page is one range by
/// rank), a notes list and a nudges hash; one due set across communities (what is due is one range by value). Every
/// write touching more than one key is one script (<c>RedisScripts.Network.cs</c>); nudges, introductions and
/// forgetting are in <c>RedisNetworkStore.Nudges.cs</c>.
/// </summary>
internal sealed partial class RedisNetworkStore(IRedisDatabase db) : INetworkStore
{
    public async Task<NetworkContact> RecordMeetingAsync(NetworkContact meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var row = ContactRow.From(meeting);
        var stored = await db.ScriptEvaluateAsync(
            RedisScripts.RecordMeeting,
            [RedisKeys.NetLog(meeting.CommunityId, meeting.OwnerId), RedisKeys.NetRecent(meeting.CommunityId, meeting.OwnerId), RedisKeys.NetAbout(meeting.CommunityId, meeting.OtherId)],
            [meeting.OtherId, RedisJson.Write(row), row.Last, row.Idx, meeting.Planned ? "1" : "0", meeting.OwnerId],
            cancellationToken).ConfigureAwait(false);
        return RedisJson.Read<ContactRow>(stored.AsString()!).ToContact(meeting.CommunityId, meeting.OwnerId, meeting.OtherId);
    }

    public async Task<NetworkContact?> GetContactAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync(RedisKeys.NetLog(communityId, ownerId), otherId, cancellationToken).ConfigureAwait(false) is { } json
            ? RedisJson.Read<ContactRow>(json).ToContact(communityId, ownerId, otherId)
            : null;

    public async Task<ContactPage> ListContactsAsync(string communityId, string ownerId, string? search, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(search))
        {
            // A search cannot use an index (SQLite's scans the owner's log too): read the log and filter it here.
            var all = await db.HashGetAllAsync(RedisKeys.NetLog(communityId, ownerId), cancellationToken).ConfigureAwait(false);
            var matches = all.Select(e => RedisJson.Read<ContactRow>(e.Value).ToContact(communityId, ownerId, e.Key))
                .Where(c => c.OtherId.Contains(search, StringComparison.OrdinalIgnoreCase) || c.How.Contains(search, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(c => c.LastSpoke).ThenBy(c => c.OtherId, StringComparer.Ordinal).ToList();
            return new ContactPage(matches.Skip(skip).Take(take).ToList(), matches.Count);
        }

        var recent = RedisKeys.NetRecent(communityId, ownerId);
        var total = (int)(await db.ExecuteAsync("ZCARD", [db.KeyPrefix + recent], cancellationToken).ConfigureAwait(false)).AsInt64();
        if (take <= 0 || skip >= total)
        {
            return new ContactPage([], total);
        }

        var members = await db.SortedSetRangeByRankAsync(recent, skip, skip + take - 1, descending: false, cancellationToken).ConfigureAwait(false);
        var others = members.Select(m => m[(m.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToList();
        var rows = (await db.ExecuteAsync("HMGET", [db.KeyPrefix + RedisKeys.NetLog(communityId, ownerId), .. others], cancellationToken).ConfigureAwait(false)).AsArray();

        // An entry removed between the two reads is left out of the page rather than shown half.
        var contacts = others.Zip(rows)
            .Where(p => p.Second.AsString() is not null)
            .Select(p => RedisJson.Read<ContactRow>(p.Second.AsString()!).ToContact(communityId, ownerId, p.First))
            .ToList();
        return new ContactPage(contacts, total);
    }

    public async Task<bool> SetLastSpokeAsync(string communityId, string ownerId, string otherId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.SetLastSpoke,
            [RedisKeys.NetLog(communityId, ownerId), RedisKeys.NetRecent(communityId, ownerId)],
            [otherId, ContactRow.Ticks(at), ContactRow.RecentMember(at, otherId)],
            cancellationToken).ConfigureAwait(false);
        return result.AsInt64() == 1;
    }

    public async Task<bool> SetRemindersAsync(string communityId, string ownerId, string otherId, bool on, CancellationToken cancellationToken = default)
    {
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.SetReminders, [RedisKeys.NetLog(communityId, ownerId)], [otherId, on ? "1" : "0"], cancellationToken).ConfigureAwait(false);
        return result.AsInt64() == 1;
    }

    public async Task<bool> RemoveContactAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default)
    {
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.RemoveContact,
            [RedisKeys.NetLog(communityId, ownerId), RedisKeys.NetRecent(communityId, ownerId), RedisKeys.NetNotes(communityId, ownerId),
             RedisKeys.NetNudges(communityId, ownerId), RedisKeys.NetDue, RedisKeys.NetCall(CallToken.New())],
            [otherId, .. Enum.GetValues<NudgeKind>().Select(k => NudgeKey.Field(k, otherId))],
            cancellationToken).ConfigureAwait(false);
        return result.AsInt64() == 1;
    }

    public Task AddNoteAsync(NetworkNote note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        return db.ScriptEvaluateAsync(
            RedisScripts.AddNote,
            [RedisKeys.NetNotes(note.CommunityId, note.OwnerId), RedisKeys.NetAbout(note.CommunityId, note.OtherId), RedisKeys.NetCall(CallToken.New())],
            [RedisJson.Write(new NoteRow(note.OtherId, ContactRow.Ticks(note.At), note.Text)), note.OwnerId],
            cancellationToken);
    }

    public async Task<IReadOnlyList<NetworkNote>> ListNotesAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default) =>
        (await ListAllNotesAsync(communityId, ownerId, cancellationToken).ConfigureAwait(false)).Where(n => n.OtherId == otherId).ToList();

    public async Task<IReadOnlyList<NetworkNote>> ListAllNotesAsync(string communityId, string ownerId, CancellationToken cancellationToken = default)
    {
        var key = db.KeyPrefix + RedisKeys.NetNotes(communityId, ownerId);
        var rows = (await db.ExecuteAsync("LRANGE", [key, "0", "-1"], cancellationToken).ConfigureAwait(false)).AsStrings();

        // The list is in writing order, so a stable sort keeps it for notes written at the same instant.
        return rows.Select(RedisJson.Read<NoteRow>)
            .Select(r => new NetworkNote(communityId, ownerId, r.Other, ContactRow.Instant(r.At), r.Text))
            .OrderBy(n => n.OtherId, StringComparer.Ordinal).ThenBy(n => n.At).ToList();
    }

    public async Task<NetworkSettings> GetSettingsAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync(RedisKeys.NetSettings(communityId), userId, cancellationToken).ConfigureAwait(false) is { } json
            ? RedisJson.Read<NetworkSettings>(json)
            : NetworkSettings.Default(communityId, userId);

    public Task SaveSettingsAsync(NetworkSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return db.HashSetAsync(RedisKeys.NetSettings(settings.CommunityId), [new(settings.UserId, RedisJson.Write(settings))], cancellationToken);
    }
}
