using System.Collections.Concurrent;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>
/// The interactions the guarded socket has read strictly (<see cref="DiscordInteraction.Parse"/>) and handed to
/// Discord.Net, by id, until the handler takes each as Discord.Net raises it. So the handler has what Discord.Net 3.20.1
/// drops (what Discord resolved for a form's member fields, <c>data.resolved.users</c> of a modal submission), and the
/// socket knows which interactions Discord.Net never raised: those it answers as unreadable. Bounded: the oldest go first.
/// </summary>
public sealed class ReadInteractions
{
    private const int Capacity = 1_000;

    private readonly ConcurrentDictionary<string, DiscordInteraction> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    internal void Add(DiscordInteraction interaction)
    {
        if (!_byId.TryAdd(interaction.Id, interaction))
        {
            return;
        }

        _order.Enqueue(interaction.Id);
        while (_order.Count > Capacity && _order.TryDequeue(out var old))
        {
            _byId.TryRemove(old, out _);
        }
    }

    /// <summary>The strict reading of interaction <paramref name="id"/>, taken out; null when the socket did not keep one.</summary>
    internal DiscordInteraction? Take(string id) => _byId.TryRemove(id, out var interaction) ? interaction : null;
}
