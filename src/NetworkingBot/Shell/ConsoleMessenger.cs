using System.Collections.Concurrent;
using System.Globalization;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Shell;

/// <summary>
/// The console "platform": announcements and DMs are printed by the shell. A channel post's reference is
/// "{channel}/{number}"; editing it prints the post's new text, marked as an edit, since printed lines cannot change.
/// It remembers the delivery key of every message it printed, so a send that was printed but not recorded (a store
/// write that failed right after) is found by <see cref="FindSentAsync"/>, as a chat platform finds its own posts.
/// </summary>
public sealed class ConsoleMessenger(ShellOutput output) : IPlatformMessenger
{
    private readonly ConcurrentDictionary<string, byte> _printed = new(StringComparer.Ordinal);
    private int _posts;

    public Platform Platform => Platform.Console;

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken) => PostAsync(message, cancellationToken);

    public Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _printed.TryAdd(message.DedupKey, 0);
        if (message.Kind == MessageKind.Channel)
        {
            var channel = message.ChannelId ?? "general";
            output.Channel(channel, message.Text);
            var number = Interlocked.Increment(ref _posts).ToString(CultureInfo.InvariantCulture);
            return Task.FromResult<string?>($"{channel}/{number}");
        }

        output.Direct(message.UserId ?? "?", message.Text, message.Buttons);
        return Task.FromResult<string?>(null);
    }

    public Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken)
    {
        var slash = postRef.LastIndexOf('/');
        if (slash <= 0)
        {
            return Task.FromResult(false);
        }

        output.Edited(postRef[..slash], replacement.Text);
        return Task.FromResult(true);
    }

    /// <summary>
    /// Sent when this process printed the message. What an earlier shell process printed is gone with its console,
    /// so anything else is Unknown (never NotSent): the core then prints it again rather than leave it out.
    /// </summary>
    public Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Task.FromResult(_printed.ContainsKey(message.DedupKey) ? SentLookup.Sent : SentLookup.Unknown);
    }
}
