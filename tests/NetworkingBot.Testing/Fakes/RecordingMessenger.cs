using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// Records every message the core sends and every edit. <see cref="FailAfter"/> makes later sends throw, like a
/// platform outage or a crash mid-delivery; a failed send is not recorded (the platform never accepted it).
/// A post's reference is "post:{n}" (its position in <see cref="Sent"/>); <see cref="CanEdit"/> and
/// <see cref="DeletedPosts"/> play a platform without edits and a post a moderator removed. <see cref="LoseAnswers"/>
/// plays a send the platform accepted whose answer never came back (a crash or a timeout right after the post), and
/// <see cref="FindSentAsync"/> answers from what it accepted, the way a platform's read-back does.
/// </summary>
public sealed class RecordingMessenger : IMessenger
{
    private readonly Lock _gate = new();
    private readonly List<OutboundMessage> _sent = [];
    private readonly List<RecordedEdit> _edits = [];
    private readonly HashSet<string> _acceptedKeys = new(StringComparer.Ordinal);
    private readonly List<string> _lookups = [];
    private int? _allowedSends;
    private int _posted;
    private int _answersToLose;
    private Func<OutboundMessage, bool> _loseWhich = _ => true;

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

    /// <summary>Every edit the platform accepted, in order.</summary>
    public IReadOnlyList<RecordedEdit> Edits
    {
        get
        {
            lock (_gate)
            {
                return _edits.ToList();
            }
        }
    }

    /// <summary>False plays a platform that cannot edit: posts get no reference and every edit answers false.</summary>
    public bool CanEdit { get; set; } = true;

    /// <summary>References of posts that are gone (deleted in the channel): editing them answers false.</summary>
    public HashSet<string> DeletedPosts { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The next <paramref name="count"/> sends matching <paramref name="which"/> (any, when null) are accepted (they
    /// appear in <see cref="Sent"/> and the platform holds them) and then throw, like an HTTP answer lost to a timeout
    /// or a process killed before it read the answer.
    /// </summary>
    public void LoseAnswers(int count, Func<OutboundMessage, bool>? which = null)
    {
        lock (_gate)
        {
            _answersToLose = count;
            _loseWhich = which ?? (_ => true);
        }
    }

    /// <summary>
    /// What <see cref="FindSentAsync"/> answers: null (the default) answers from the accepted messages (Sent or
    /// NotSent); <see cref="SentLookup.Unknown"/> plays a platform that cannot read its messages back.
    /// </summary>
    public SentLookup? LookupAnswer { get; set; }

    /// <summary>Dedup keys <see cref="FindSentAsync"/> was asked about, in order.</summary>
    public IReadOnlyList<string> Lookups
    {
        get
        {
            lock (_gate)
            {
                return _lookups.ToList();
            }
        }
    }

    public Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _lookups.Add(message.DedupKey);
            return Task.FromResult(LookupAnswer ?? (_acceptedKeys.Contains(message.DedupKey) ? SentLookup.Sent : SentLookup.NotSent));
        }
    }

    /// <summary>Forgets what was sent and edited (the platform still holds it for <see cref="FindSentAsync"/>); references handed out stay valid.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _posted += _sent.Count;
            _sent.Clear();
            _edits.Clear();
        }
    }

    public Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        var number = Accept(message, cancellationToken);
        return Task.FromResult(CanEdit ? $"post:{number}" : null);
    }

    public Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var known = postRef.StartsWith("post:", StringComparison.Ordinal) && int.TryParse(postRef["post:".Length..], out var n) && n < _posted + _sent.Count;
            if (!CanEdit || !known || DeletedPosts.Contains(postRef))
            {
                return Task.FromResult(false);
            }

            if (_allowedSends is <= 0)
            {
                FailedSends++;
                throw new InvalidOperationException($"Injected edit failure ({replacement.DedupKey}).");
            }

            _allowedSends--;
            _edits.Add(new RecordedEdit(postRef, replacement));
            return Task.FromResult(true);
        }
    }

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        Accept(message, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Records an accepted message and returns its number (counting those forgotten by <see cref="Clear"/>).</summary>
    private int Accept(OutboundMessage message, CancellationToken cancellationToken)
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
            _acceptedKeys.Add(message.DedupKey);
            if (_answersToLose > 0 && _loseWhich(message))
            {
                _answersToLose--;
                FailedSends++;
                throw new TimeoutException($"Injected lost answer: the platform accepted {message.DedupKey} but the answer never came.");
            }

            return _posted + _sent.Count - 1;
        }
    }
}

/// <summary>An edit the <see cref="RecordingMessenger"/> accepted: which post, and what it now says.</summary>
public sealed record RecordedEdit(string PostRef, OutboundMessage Replacement);
