using System.Text.Json;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// The three store ports in memory, behind one lock, following the ports' XML docs. Used by core tests and the
/// console shell; the shared store contract suite runs against it like any real store.
/// </summary>
public sealed partial class InMemoryStore : IMemberStore, ICoffeeScheduleStore, IRoundStore
{
    private static readonly JsonSerializerOptions SnapshotJson = new() { WriteIndented = false };

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Community, string User), Member> _members = [];
    private readonly Dictionary<string, CoffeeSchedule> _programs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Round> _rounds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _deliveries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, CheckInResponse>> _checkIns = new(StringComparer.Ordinal);

    Task<Member?> IMemberStore.GetAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_members.GetValueOrDefault((communityId, userId)));
        }
    }

    Task<IReadOnlyDictionary<string, Member>> IMemberStore.GetManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, Member> found = userIds.Distinct(StringComparer.Ordinal)
                .Where(id => _members.ContainsKey((communityId, id)))
                .ToDictionary(id => id, id => _members[(communityId, id)], StringComparer.Ordinal);
            return Task.FromResult(found);
        }
    }

    Task<IReadOnlyList<Member>> IMemberStore.ListAsync(string communityId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Member> list = _members.Values.Where(m => m.CommunityId == communityId)
                .OrderBy(m => m.UserId, StringComparer.Ordinal).ToList();
            return Task.FromResult(list);
        }
    }

    public Task UpsertAsync(Member member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            _members[(member.CommunityId, member.UserId)] = member;
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_members.Remove((communityId, userId)));
        }
    }

    Task<CoffeeSchedule?> ICoffeeScheduleStore.GetAsync(string communityId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_programs.GetValueOrDefault(communityId));
        }
    }

    Task<IReadOnlyList<CoffeeSchedule>> ICoffeeScheduleStore.ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<CoffeeSchedule> list = _programs.Values.OrderBy(p => p.CommunityId, StringComparer.Ordinal).ToList();
            return Task.FromResult(list);
        }
    }

    public Task UpsertAsync(CoffeeSchedule program, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        lock (_gate)
        {
            _programs[program.CommunityId] = program;
        }

        return Task.CompletedTask;
    }

    public Task<Round?> TryClaimAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        lock (_gate)
        {
            var ofCommunity = _rounds.Values.Where(r => r.CommunityId == round.CommunityId).ToList();
            if (ofCommunity.Any(r => r.SlotKey == round.SlotKey) || _rounds.ContainsKey(round.RoundId))
            {
                return Task.FromResult<Round?>(null);
            }

            var stored = round with { Number = ofCommunity.Count == 0 ? 1 : ofCommunity.Max(r => r.Number) + 1 };
            _rounds[stored.RoundId] = stored;
            return Task.FromResult<Round?>(stored);
        }
    }

    public Task UpdateAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        lock (_gate)
        {
            WriteRound(round);
        }

        return Task.CompletedTask;
    }

    /// <summary>Only a round's mutable parts change; identity, slot and number stay as claimed. Called under the lock.</summary>
    private void WriteRound(Round round)
    {
        if (!_rounds.TryGetValue(round.RoundId, out var existing))
        {
            throw new InvalidOperationException($"Round {round.RoundId} does not exist.");
        }

        _rounds[round.RoundId] = existing with
        {
            Status = round.Status,
            Groups = round.Groups.ToList(),
            Unmatched = round.Unmatched.ToList(),
            CheckInAt = round.CheckInAt,
        };
    }

    public Task<Round?> GetAsync(string roundId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_rounds.GetValueOrDefault(roundId));
        }
    }

    public Task<Round?> GetBySlotAsync(string communityId, string slotKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_rounds.Values.FirstOrDefault(r => r.CommunityId == communityId && r.SlotKey == slotKey));
        }
    }

    public Task<IReadOnlyList<Round>> ListAsync(string communityId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Round> list = _rounds.Values.Where(r => r.CommunityId == communityId)
                .OrderByDescending(r => r.Number).Take(Math.Max(0, limit)).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<Round>> ListByStatusAsync(IReadOnlyCollection<RoundStatus> statuses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        lock (_gate)
        {
            IReadOnlyList<Round> list = _rounds.Values.Where(r => statuses.Contains(r.Status))
                .OrderBy(r => r.CommunityId, StringComparer.Ordinal).ThenBy(r => r.Number).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<bool> TryRecordDeliveryAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_deliveries.TryGetValue(roundId, out var keys))
            {
                keys = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                _deliveries[roundId] = keys;
            }

            return Task.FromResult(keys.TryAdd(deliveryKey, at));
        }
    }

    public Task<IReadOnlySet<string>> GetDeliveriesAsync(string roundId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlySet<string> set = _deliveries.TryGetValue(roundId, out var keys)
                ? keys.Keys.ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            return Task.FromResult(set);
        }
    }

    public Task SaveCheckInAsync(CheckInResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate)
        {
            if (!_checkIns.TryGetValue(response.RoundId, out var answers))
            {
                answers = new Dictionary<string, CheckInResponse>(StringComparer.Ordinal);
                _checkIns[response.RoundId] = answers;
            }

            answers[response.UserId] = response;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CheckInResponse>> GetCheckInsAsync(string roundId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<CheckInResponse> list = _checkIns.TryGetValue(roundId, out var answers)
                ? answers.Values.OrderBy(a => a.UserId, StringComparer.Ordinal).ToList()
                : [];
            return Task.FromResult(list);
        }
    }

    public Task<int> ForgetUserAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var mentioned = 0;
            foreach (var round in _rounds.Values.Where(r => r.CommunityId == communityId).ToList())
            {
                var inGroups = round.Groups.Any(g => g.Members.Contains(userId, StringComparer.Ordinal));
                var inUnmatched = round.Unmatched.Contains(userId, StringComparer.Ordinal);
                if (inGroups || inUnmatched)
                {
                    mentioned++;
                    _rounds[round.RoundId] = round with
                    {
                        Groups = round.Groups.Select(g => g with { Members = g.Members.Where(m => m != userId).ToList() }).ToList(),
                        Unmatched = round.Unmatched.Where(m => m != userId).ToList(),
                    };
                }

                _checkIns.GetValueOrDefault(round.RoundId)?.Remove(userId);
                ForgetIntents(round.RoundId, userId);
                if (_deliveries.TryGetValue(round.RoundId, out var keys))
                {
                    foreach (var key in keys.Keys.Where(k => k.EndsWith($":{userId}", StringComparison.Ordinal)).ToList())
                    {
                        keys.Remove(key);
                    }
                }
            }

            return Task.FromResult(mentioned);
        }
    }

    /// <summary>Test convenience: the member record, or null.</summary>
    public Member? MemberOf(string communityId, string userId)
    {
        lock (_gate)
        {
            return _members.GetValueOrDefault((communityId, userId));
        }
    }

    /// <summary>Test convenience: the community's program, or null.</summary>
    public CoffeeSchedule? ProgramOf(string communityId)
    {
        lock (_gate)
        {
            return _programs.GetValueOrDefault(communityId);
        }
    }

    /// <summary>Test convenience: the community's rounds, oldest first.</summary>
    public IReadOnlyList<Round> RoundsOf(string communityId)
    {
        lock (_gate)
        {
            return _rounds.Values.Where(r => r.CommunityId == communityId).OrderBy(r => r.Number).ToList();
        }
    }

    /// <summary>
    /// Everything stored, as one JSON string, so a test can assert that a refused command changed nothing:
    /// take a snapshot before, one after, compare.
    /// </summary>
    public string Snapshot()
    {
        lock (_gate)
        {
            return JsonSerializer.Serialize(new
            {
                members = _members.Values.OrderBy(m => m.CommunityId, StringComparer.Ordinal).ThenBy(m => m.UserId, StringComparer.Ordinal).ToList(),
                programs = _programs.Values.OrderBy(p => p.CommunityId, StringComparer.Ordinal).ToList(),
                rounds = _rounds.Values.OrderBy(r => r.CommunityId, StringComparer.Ordinal).ThenBy(r => r.Number).ToList(),
                deliveries = _deliveries.OrderBy(d => d.Key, StringComparer.Ordinal)
                    .Select(d => new { round = d.Key, keys = d.Value.Keys.Order(StringComparer.Ordinal).ToList() }).ToList(),
                intents = _intents.OrderBy(i => i.Key, StringComparer.Ordinal)
                    .Select(i => new { round = i.Key, keys = i.Value.Order(StringComparer.Ordinal).ToList() }).ToList(),
                checkIns = _checkIns.OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => new { round = c.Key, answers = c.Value.Values.OrderBy(a => a.UserId, StringComparer.Ordinal).ToList() }).ToList(),
            }, SnapshotJson);
        }
    }
}
