using NetworkingBot.Core.Network;

namespace NetworkingBot.Testing.Fakes;

/// <summary>The follow-up program's store port in memory, behind one lock, following the port's XML docs (the contract suite checks it).</summary>
public sealed class InMemoryNetworkStore : INetworkStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Community, string Owner, string Other), NetworkContact> _contacts = [];
    private readonly List<NetworkNote> _notes = [];
    private readonly Dictionary<(string Community, string User), NetworkSettings> _settings = [];
    private readonly Dictionary<(string Community, string Owner, string Other, NudgeKind Kind), NetworkNudge> _nudges = [];
    private readonly List<IntroRecord> _intros = [];

    public Task<NetworkContact> RecordMeetingAsync(NetworkContact meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        lock (_gate)
        {
            var key = (meeting.CommunityId, meeting.OwnerId, meeting.OtherId);
            var stored = _contacts.TryGetValue(key, out var old)
                ? old with
                {
                    Planned = old.Planned && meeting.Planned,
                    LastSpoke = !meeting.Planned && meeting.LastSpoke > old.LastSpoke ? meeting.LastSpoke : old.LastSpoke,
                }
                : meeting;
            _contacts[key] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<NetworkContact?> GetContactAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_contacts.GetValueOrDefault((communityId, ownerId, otherId)));
        }
    }

    public Task<ContactPage> ListContactsAsync(string communityId, string ownerId, string? search, int skip, int take, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var matching = _contacts.Values
                .Where(c => c.CommunityId == communityId && c.OwnerId == ownerId)
                .Where(c => string.IsNullOrEmpty(search)
                    || c.OtherId.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || c.How.Contains(search, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(c => c.LastSpoke).ThenBy(c => c.OtherId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(new ContactPage(matching.Skip(skip).Take(take).ToList(), matching.Count));
        }
    }

    public Task<bool> SetLastSpokeAsync(string communityId, string ownerId, string otherId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Update(communityId, ownerId, otherId, c => c with { LastSpoke = at, Planned = false });

    public Task<bool> SetRemindersAsync(string communityId, string ownerId, string otherId, bool on, CancellationToken cancellationToken = default) =>
        Update(communityId, ownerId, otherId, c => c with { RemindersOn = on });

    public Task<bool> RemoveContactAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _notes.RemoveAll(n => n.CommunityId == communityId && n.OwnerId == ownerId && n.OtherId == otherId);
            foreach (var key in _nudges.Keys.Where(k => k.Community == communityId && k.Owner == ownerId && k.Other == otherId).ToList())
            {
                _nudges.Remove(key);
            }

            return Task.FromResult(_contacts.Remove((communityId, ownerId, otherId)));
        }
    }

    public Task AddNoteAsync(NetworkNote note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        lock (_gate)
        {
            _notes.Add(note);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NetworkNote>> ListNotesAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default) =>
        Notes(n => n.CommunityId == communityId && n.OwnerId == ownerId && n.OtherId == otherId);

    public Task<IReadOnlyList<NetworkNote>> ListAllNotesAsync(string communityId, string ownerId, CancellationToken cancellationToken = default) =>
        Notes(n => n.CommunityId == communityId && n.OwnerId == ownerId);

    public Task<NetworkSettings> GetSettingsAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_settings.GetValueOrDefault((communityId, userId)) ?? NetworkSettings.Default(communityId, userId));
        }
    }

    public Task SaveSettingsAsync(NetworkSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_gate)
        {
            _settings[(settings.CommunityId, settings.UserId)] = settings;
        }

        return Task.CompletedTask;
    }

    public Task ScheduleNudgeAsync(NetworkNudge nudge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        lock (_gate)
        {
            _nudges[(nudge.CommunityId, nudge.OwnerId, nudge.OtherId, nudge.Kind)] = nudge;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NetworkNudge>> ListNudgesAsync(string communityId, string ownerId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<NetworkNudge> list = Ordered(_nudges.Values.Where(n => n.CommunityId == communityId && n.OwnerId == ownerId)).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<NetworkNudge>> ListDueNudgesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<NetworkNudge> list = Ordered(_nudges.Values.Where(n => n.DueAt <= now)).Take(limit).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<NetworkNudge>> TakeNudgesAsync(IReadOnlyList<NetworkNudge> nudges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        lock (_gate)
        {
            IReadOnlyList<NetworkNudge> taken = nudges.Where(nudge =>
            {
                var key = (nudge.CommunityId, nudge.OwnerId, nudge.OtherId, nudge.Kind);
                return _nudges.TryGetValue(key, out var stored) && stored.DueAt == nudge.DueAt && _nudges.Remove(key);
            }).ToList();
            return Task.FromResult(taken);
        }
    }

    public Task AddIntroAsync(IntroRecord intro, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intro);
        lock (_gate)
        {
            _intros.Add(intro);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IntroRecord>> ListIntrosSinceAsync(string communityId, string introducerId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<IntroRecord> list = _intros
                .Where(i => i.CommunityId == communityId && i.IntroducerId == introducerId && i.At >= since)
                .OrderBy(i => i.At).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<int> ForgetMemberAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var placeholder = NetworkForgetting.Placeholder();
            var deleted = _notes.RemoveAll(n => n.CommunityId == communityId && n.OwnerId == userId);
            foreach (var (key, contact) in _contacts.Where(e => e.Key.Community == communityId).ToList())
            {
                if (key.Owner == userId)
                {
                    _contacts.Remove(key);
                    deleted++;
                }
                else if (key.Other == userId)
                {
                    _contacts.Remove(key);
                    _contacts[(communityId, key.Owner, placeholder)] = contact with { OtherId = placeholder, FormerMember = true };
                }
            }

            for (var i = 0; i < _notes.Count; i++)
            {
                if (_notes[i].CommunityId == communityId && _notes[i].OtherId == userId)
                {
                    _notes[i] = _notes[i] with { OtherId = placeholder };
                }
            }

            foreach (var key in _nudges.Keys.Where(k => k.Community == communityId && (k.Owner == userId || k.Other == userId)).ToList())
            {
                _nudges.Remove(key);
            }

            _settings.Remove((communityId, userId));
            _intros.RemoveAll(i => i.CommunityId == communityId && (i.IntroducerId == userId || i.FirstId == userId || i.SecondId == userId));
            return Task.FromResult(deleted);
        }
    }

    private static IEnumerable<NetworkNudge> Ordered(IEnumerable<NetworkNudge> nudges) =>
        nudges.OrderBy(n => n.DueAt).ThenBy(n => n.CommunityId, StringComparer.Ordinal).ThenBy(n => n.OwnerId, StringComparer.Ordinal)
            .ThenBy(n => n.OtherId, StringComparer.Ordinal).ThenBy(n => n.Kind);

    private Task<bool> Update(string communityId, string ownerId, string otherId, Func<NetworkContact, NetworkContact> change)
    {
        lock (_gate)
        {
            var key = (communityId, ownerId, otherId);
            if (!_contacts.TryGetValue(key, out var contact))
            {
                return Task.FromResult(false);
            }

            _contacts[key] = change(contact);
            return Task.FromResult(true);
        }
    }

    private Task<IReadOnlyList<NetworkNote>> Notes(Func<NetworkNote, bool> where)
    {
        lock (_gate)
        {
            IReadOnlyList<NetworkNote> list = _notes.Where(where).OrderBy(n => n.OtherId, StringComparer.Ordinal).ThenBy(n => n.At).ToList();
            return Task.FromResult(list);
        }
    }
}
