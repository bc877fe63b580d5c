using Discord.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>
/// Makes Discord.Net's gateway sockets (<c>DiscordSocketConfig.WebSocketProvider</c>): one <see cref="GuardedWebSocket"/>
/// per shard, capped at <see cref="DiscordOptions.MaxInboundFrameBytes"/>, handing unreadable interactions to
/// <see cref="UnreadableInteractions"/> and the strict readings of the others to <see cref="ReadInteractions"/>.
/// </summary>
public sealed class GuardedSockets(IOptions<DiscordOptions> options, UnreadableInteractions unreadable, ReadInteractions read, ILoggerFactory loggers)
{
    /// <summary>The provider Discord.Net calls once per client it builds.</summary>
    public WebSocketProvider Provider =>
        () => new GuardedWebSocket(options.Value.MaxInboundFrameBytes, unreadable, read, loggers.CreateLogger<GuardedWebSocket>());
}
