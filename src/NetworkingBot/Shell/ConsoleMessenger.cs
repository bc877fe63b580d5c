using System.Globalization;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Shell;

/// <summary>
/// The console "platform": announcements and DMs are printed by the shell. A channel post's reference is
/// "{channel}/{number}"; editing it prints the post's new text, marked as an edit, since printed lines cannot change.
/// </summary>
public sealed class ConsoleMessenger(ShellOutput output) : IPlatformMessenger
{
    private int _posts;

    public Platform Platform => Platform.Console;

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken) => PostAsync(message, cancellationToken);

    public Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
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
}
