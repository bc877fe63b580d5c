namespace NetworkingBot.Slack.Socket;

/// <summary>
/// Remembers recently seen envelope and event ids across all connections, so an envelope delivered twice
/// (on two sockets around a refresh, or retried with <c>retry_attempt</c>) is processed once. Bounded:
/// the oldest ids are forgotten first, long after Slack would stop retrying them.
/// </summary>
internal sealed class EnvelopeDeduplicator(int capacity = 10_000)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time this envelope (or its event) is seen; false for every repeat.</summary>
    public bool FirstTime(SocketEnvelope envelope)
    {
        lock (_gate)
        {
            var eventKey = envelope.EventId is { } eventId ? "event:" + eventId : null;
            if (_seen.Contains("envelope:" + envelope.EnvelopeId) || (eventKey is not null && _seen.Contains(eventKey)))
            {
                return false;
            }

            Remember("envelope:" + envelope.EnvelopeId);
            if (eventKey is not null)
            {
                Remember(eventKey);
            }

            return true;
        }
    }

    private void Remember(string key)
    {
        _seen.Add(key);
        _order.Enqueue(key);
        while (_order.Count > capacity)
        {
            _seen.Remove(_order.Dequeue());
        }
    }
}
