using System.Collections.Concurrent;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// Remembers the last <c>capacity</c> ids, so an interaction replayed after a RESUME that was already
/// answered is not answered twice (Discord would refuse with 40060 anyway, after a wasted call).
/// </summary>
internal sealed class RecentIds(int capacity)
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool Add(string id)
    {
        if (!_ids.TryAdd(id, 0))
        {
            return false;
        }

        _order.Enqueue(id);
        while (_order.Count > capacity && _order.TryDequeue(out var old))
        {
            _ids.TryRemove(old, out _);
        }

        return true;
    }
}
