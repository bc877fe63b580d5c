using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// Records every message the core sends. <see cref="FailAfter"/> makes later sends throw, like a platform outage
/// or a crash mid-delivery; a failed send is not recorded (the platform never accepted it).
/// </summary>
public sealed class RecordingMessenger : IMessenger
{
    private readonly Lock _gate = new();
    private readonly List<OutboundMessage> _sent = [];
    private int? _allowedSends;

    /// <summary>Every accepted message, in send order.</summary>
    public IReadOnlyList<OutboundMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToList();
            }
        }
    }

    public IReadOnlyList<OutboundMessage> ChannelPosts => Sent.Where(m => m.Kind == MessageKind.Channel).ToList();

    public IReadOnlyList<OutboundMessage> DirectMessages => Sent.Where(m => m.Kind == MessageKind.Direct).ToList();

    /// <summary>How many sends threw because of <see cref="FailAfter"/>.</summary>
    public int FailedSends { get; private set; }

    public IReadOnlyList<OutboundMessage> DirectTo(string userId) =>
        Sent.Where(m => m.Kind == MessageKind.Direct && m.UserId == userId).ToList();

    /// <summary>Accepts <paramref name="sends"/> more messages, then throws on every send until <see cref="StopFailing"/>.</summary>
    public void FailAfter(int sends)
    {
        lock (_gate)
        {
            _allowedSends = sends;
        }
    }

    public void StopFailing()
    {
        lock (_gate)
        {
            _allowedSends = null;
        }
    }

    /// <summary>Plays a platform with group conversations (Slack) when set.</summary>
    public bool GroupsSupported { get; set; }

    public bool SupportsGroups(string communityId) => GroupsSupported;

    public IReadOnlyList<OutboundMessage> GroupMessages => Sent.Where(m => m.Kind == MessageKind.Group).ToList();

    /// <summary>DMs to these users fail the way closed DMs do on a platform (Discord's 50007).</summary>
    public HashSet<string> Unreachable { get; } = new(StringComparer.Ordinal);

    public void Clear()
    {
        lock (_gate)
        {
            _sent.Clear();
        }
    }

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (message.Kind == MessageKind.Direct && message.UserId is { } user && Unreachable.Contains(user))
            {
                throw new RecipientUnreachableException(user, "direct messages are closed");
            }

            if (_allowedSends is <= 0)
            {
                FailedSends++;
                throw new InvalidOperationException($"Injected send failure ({message.DedupKey}).");
            }

            _allowedSends--;
            _sent.Add(message);
        }

        return Task.CompletedTask;
    }
}
