using System.Collections.Concurrent;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Messages of a round the platform accepted but whose delivery record the store failed to write. A retry in this
/// process records them instead of sending them again, so a store fault between the send and its record costs no
/// duplicate; only a crash in that same instant can (the record is written right after the send).
/// </summary>
public sealed class AcceptedDeliveries
{
    private readonly ConcurrentDictionary<(string RoundId, string Key), DateTimeOffset> _unrecorded = new();

    /// <summary>Notes that the platform accepted <paramref name="key"/> at <paramref name="at"/> but it is not recorded yet.</summary>
    public void Remember(string roundId, string key, DateTimeOffset at) => _unrecorded[(roundId, key)] = at;

    /// <summary>When the platform accepted <paramref name="key"/>, if it did and the record is still owed.</summary>
    public bool TryGet(string roundId, string key, out DateTimeOffset at) => _unrecorded.TryGetValue((roundId, key), out at);

    /// <summary>The record is written: nothing is owed for <paramref name="key"/> any more.</summary>
    public void Forget(string roundId, string key) => _unrecorded.TryRemove((roundId, key), out _);
}
