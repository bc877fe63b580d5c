using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// The heartbeat of one connection, on its own loop so a slow dispatch handler never delays it. The first
/// beat waits <c>interval * jitter</c> (Discord asks for this so reconnecting clients do not beat in step);
/// a beat that finds the previous one unacknowledged declares the connection zombied.
/// </summary>
internal sealed class GatewayHeartbeat(GatewaySocket socket, ShardContext context, Func<int?> sequence, Action onZombie)
{
    private int _awaitingAck;
    private long _sentAt;

    /// <summary>Time between the last heartbeat and its ACK.</summary>
    public TimeSpan? Latency { get; private set; }

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * context.Random(), context.Time, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (Volatile.Read(ref _awaitingAck) == 1)
                {
                    context.Logger.LogWarning(
                        "Shard {ShardId} got no heartbeat ACK within {Interval}; the connection is zombied, reconnecting",
                        context.ShardId, interval);
                    onZombie();
                    return;
                }

                await BeatAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, context.Time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
        catch (Exception ex)
        {
            // A failed send means the socket died; the receive loop sees that too and reconnects.
            context.Logger.LogDebug(ex, "Shard {ShardId} stopped heartbeating", context.ShardId);
        }
    }

    /// <summary>Sends a heartbeat now: on schedule, or because the server asked with op 1.</summary>
    public Task BeatAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _awaitingAck, 1);
        Volatile.Write(ref _sentAt, context.Time.GetTimestamp());
        return socket.SendAsync(GatewayPayloads.Heartbeat(sequence()), isHeartbeat: true, cancellationToken);
    }

    /// <summary>Records an op 11 ACK.</summary>
    public void Acknowledge()
    {
        Volatile.Write(ref _awaitingAck, 0);
        Latency = context.Time.GetElapsedTime(Volatile.Read(ref _sentAt));
    }
}
