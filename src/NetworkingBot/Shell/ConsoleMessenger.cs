using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Shell;

/// <summary>The console "platform": announcements and DMs are printed by the shell.</summary>
public sealed class ConsoleMessenger(ShellOutput output) : IPlatformMessenger
{
    public string Prefix => "console";

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind == MessageKind.Channel)
        {
            output.Channel(message.ChannelId ?? "general", message.Text);
        }
        else
        {
            output.Direct(message.UserId ?? "?", message.Text, message.Buttons);
        }

        return Task.CompletedTask;
    }
}
