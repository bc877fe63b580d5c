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
            // The round is checked first, so a refused save changes nothing, as the port promises.
            WriteRound(round);
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
