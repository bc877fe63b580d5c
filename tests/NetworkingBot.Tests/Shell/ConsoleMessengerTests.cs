using NetworkingBot.Core.Abstractions;
using NetworkingBot.Shell;

namespace NetworkingBot.Tests.Shell;

/// <summary>The shell's messenger answers FindSentAsync from what this process printed ("accepted but not recorded").</summary>
public sealed class ConsoleMessengerTests
{
    [Fact]
    public async Task A_printed_message_is_found_and_one_never_printed_here_is_unknown_not_absent()
    {
        using var writer = new StringWriter();
        var messenger = new ConsoleMessenger(new ShellOutput(writer, json: false));
        var intro = OutboundMessage.ToUser("console:local", "ana", "You're meeting Lee.", "r1:intro:ana");
        var announce = OutboundMessage.ToChannel("console:local", "general", "Round 1", "r1:announce");

        await messenger.SendAsync(intro, default);
        await messenger.PostAsync(announce, default);

        Assert.Equal(SentLookup.Sent, await messenger.FindSentAsync(intro, default));
        Assert.Equal(SentLookup.Sent, await messenger.FindSentAsync(announce, default));

        // An earlier shell process may have printed it before it died: the console cannot say, so the core prints it.
        Assert.Equal(SentLookup.Unknown, await messenger.FindSentAsync(intro with { DedupKey = "r1:intro:lee" }, default));
    }
}
