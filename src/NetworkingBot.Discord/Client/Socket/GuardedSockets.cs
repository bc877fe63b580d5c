using Discord.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>
/// Makes Discord.Net's gateway sockets (<c>DiscordSocketConfig.WebSocketProvider</c>): one <see cref="GuardedWebSocket"/>
/// per shard, capped at <see cref="DiscordOptions.MaxInboundFrameBytes"/>, handing unreadable interactions to
/// <see cref="UnreadableInteractions"/>.
/// </summary>
public sealed class GuardedSockets(IOptions<DiscordOptions> options, UnreadableInteractions unreadable, ILoggerFactory loggers)
{
    /// <summary>The provider Discord.Net calls once per client it builds.</summary>
    public WebSocketProvider Provider =>
        () => new GuardedWebSocket(options.Value.MaxInboundFrameBytes, unreadable, loggers.CreateLogger<GuardedWebSocket>());
}
