using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Testing.Fakes;

/// <summary>A plan and its members' bookkeeping, under the one lock, checked before anything changes.</summary>
public sealed partial class InMemoryStore
{
    public Task SavePlanAsync(Round round, IReadOnlyCollection<MemberRoundUpdate> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(members);
        lock (_gate)
        {
            // Checked first, so a refused save changes nothing, as the port promises.
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
            foreach (var update in members)
            {
                var key = (round.CommunityId, update.UserId);
                if (_members.TryGetValue(key, out var member))
                {
                    _members[key] = member with { LastRoundAt = update.LastRoundAt, SkipNext = update.SkipNext };
                }
            }
        }

        return Task.CompletedTask;
    }
}
