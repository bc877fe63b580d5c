using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Testing.Fakes;

/// <summary>Delivery intents: the keys a round meant to send, written before each send (see <see cref="IRoundStore.TryRecordIntentAsync"/>).</summary>
public sealed partial class InMemoryStore
{
    private readonly Dictionary<string, HashSet<string>> _intents = new(StringComparer.Ordinal);

    public Task<bool> TryRecordIntentAsync(string roundId, string deliveryKey, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_intents.TryGetValue(roundId, out var keys))
            {
                keys = new HashSet<string>(StringComparer.Ordinal);
                _intents[roundId] = keys;
            }

            return Task.FromResult(keys.Add(deliveryKey));
        }
    }

    /// <summary>Test convenience: the intents recorded for a round.</summary>
    public IReadOnlySet<string> IntentsOf(string roundId)
    {
        lock (_gate)
        {
            return _intents.TryGetValue(roundId, out var keys) ? keys.ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        }
    }

    /// <summary>Forget-me's share: the user's intents in one round; true when there were any. Called under the lock.</summary>
    private bool ForgetIntents(string roundId, string userId) =>
        _intents.TryGetValue(roundId, out var keys) && keys.RemoveWhere(k => k.EndsWith($":{userId}", StringComparison.Ordinal)) > 0;
}
