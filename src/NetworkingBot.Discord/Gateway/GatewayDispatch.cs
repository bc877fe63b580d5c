using System.Text.Json;

namespace NetworkingBot.Discord.Gateway;

/// <summary>One DISPATCH (op 0) from a shard: the event name ("INTERACTION_CREATE"), its data and sequence.</summary>
public sealed record GatewayDispatch(int ShardId, string EventName, JsonElement Data, int Sequence);

/// <summary>
/// Receives dispatches. Called on the shard's receive loop, so it must return quickly (start slow work and
/// return); heartbeats are sent on their own timer and never wait for it.
/// </summary>
public interface IGatewayDispatchHandler
{
    Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken);
}
