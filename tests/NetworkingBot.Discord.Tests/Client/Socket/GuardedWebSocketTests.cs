using NetworkingBot.Discord.Client.Socket;

namespace NetworkingBot.Discord.Tests.Client.Socket;

/// <summary>The gateway address the guarded socket connects to: Discord.Net's, less the compression it appends.</summary>
public sealed class GuardedWebSocketTests
{
    [Theory]
    [InlineData("wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:5000/resume?v=10&encoding=json&compress=zlib-stream", "ws://127.0.0.1:5000/resume?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:5000/", "ws://127.0.0.1:5000/")]
    public void Compression_is_never_asked_for_so_every_frame_can_be_checked(string given, string connected) =>
        Assert.Equal(new Uri(connected), GuardedWebSocket.WithoutCompression(new Uri(given)));
}
