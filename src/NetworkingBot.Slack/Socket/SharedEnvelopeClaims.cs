using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Leases;

namespace NetworkingBot.Slack.Socket;

/// <summary>
/// The cross-instance half of de-duplication: with several instances connected to one Slack app, Slack may deliver
/// an envelope (or retry an event) to a socket of each, so the first instance to claim its id in the shared store
/// processes it and every other drops it. A claim is a lease nobody releases; it runs out after an hour, long after
/// Slack stops retrying. Without a lease store (one instance, no shared store) every envelope counts as first.
/// </summary>
internal sealed class SharedEnvelopeClaims(ILeaseStore? leases, ILogger logger)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    /// <summary>
    /// True when this instance should process the envelope. A store that fails or has not answered by the time
    /// <paramref name="deadline"/> completes lets the envelope through: a command run twice on a rare store fault
    /// is better than a member's click silently lost, and the ack must not wait.
    /// </summary>
    public async Task<bool> FirstTimeAsync(SocketEnvelope envelope, Task deadline, CancellationToken cancellationToken)
    {
        if (leases is null)
        {
            return true;
        }

        var claim = ClaimAsync(leases, envelope, cancellationToken);
        try
        {
            if (await Task.WhenAny(claim, deadline).ConfigureAwait(false) != claim)
            {
                logger.LogWarning("The store did not confirm envelope {EnvelopeId} in time; processing it here", envelope.EnvelopeId);
                return true;
            }

            return await claim.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not claim envelope {EnvelopeId} in the store; processing it here", envelope.EnvelopeId);
            return true;
        }
    }

    private static async Task<bool> ClaimAsync(ILeaseStore leases, SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        // A fresh owner per claim, so even this instance's own repeat (once its local memory forgot the id) loses.
        var owner = Guid.NewGuid().ToString("N");
        if (!await leases.TryAcquireAsync("slack:envelope:" + envelope.EnvelopeId, owner, Ttl, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // Slack retries an event in a new envelope with the same event_id.
        return envelope.EventId is not { } eventId
            || await leases.TryAcquireAsync("slack:event:" + eventId, owner, Ttl, cancellationToken).ConfigureAwait(false);
    }
}
