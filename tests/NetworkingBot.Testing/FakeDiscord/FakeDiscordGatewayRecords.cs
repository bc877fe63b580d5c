using System.Text.Json;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// A payload a client sent to <see cref="FakeDiscordGateway"/>. <paramref name="ShardId"/> is the shard the
/// connection identified (or resumed) as, when known; <paramref name="Path"/> and <paramref name="Query"/> are
/// those of the WebSocket request, so a test can tell the gateway URL from the resume URL.
/// </summary>
public sealed record FakeDiscordGatewayFrame(
    int ConnectionId,
    int? ShardId,
    string Path,
    string Query,
    int Op,
    JsonElement Data,
    string Json,
    DateTimeOffset ReceivedAt);

/// <summary>A connection that ended, with the close code the client sent (null when it vanished without one).</summary>
public sealed record FakeDiscordGatewayClosed(int ConnectionId, int? ShardId, int? ClientCloseCode);

/// <summary>Gateway opcodes, by name, for readable test code.</summary>
public static class FakeDiscordGatewayOps
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}
