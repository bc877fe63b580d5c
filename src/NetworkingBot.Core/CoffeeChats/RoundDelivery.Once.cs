using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>One message of a round, sent at most once across crashes, failed writes, retries and instances.</summary>
public sealed partial class RoundDelivery
{
    /// <summary>
    /// Sends <paramref name="message"/> under <paramref name="key"/> unless it is recorded as delivered. The intent is
    /// written before the platform sees the message, so a crash (or a failed record write) after the platform accepted
    /// it leaves an intent without a delivery; the next attempt then asks the platform (<see cref="IMessenger.FindSentAsync"/>)
    /// and records what it already holds instead of sending it again. Only such an unrecorded send is ever looked up:
    /// a delivery that runs through reads nothing back from the platform.
    /// </summary>
    internal async Task SendOnceAsync(Round round, string key, IReadOnlySet<string> sent, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (sent.Contains(key))
        {
            accepted.Forget(round.RoundId, key); // recorded by another run meanwhile: nothing is owed here any more
            return;
        }

        // Sent by an earlier attempt in this process whose record write failed: the platform has it, so only the record is owed.
        if (!accepted.TryGet(round.RoundId, key, out var at))
        {
            // The caller's lock lost its lease (or the run was stopped): send nothing more.
            cancellationToken.ThrowIfCancellationRequested();
            var first = await rounds.TryRecordIntentAsync(round.RoundId, key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (first || !await AlreadySentAsync(round, key, message, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await messenger.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }

            at = time.GetUtcNow();
            accepted.Remember(round.RoundId, key, at);
        }

        await rounds.TryRecordDeliveryAsync(round.RoundId, key, at, cancellationToken).ConfigureAwait(false);
        accepted.Forget(round.RoundId, key);
    }

    private async Task<bool> LandedDuringGraceAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        await Task.Delay(options.Value.ResendGrace, cancellationToken).ConfigureAwait(false);
        return await messenger.FindSentAsync(message, cancellationToken).ConfigureAwait(false) == SentLookup.Sent;
    }

    /// <summary>
    /// An earlier attempt meant to send this message and recorded no outcome: whether the platform holds it. When the
    /// platform cannot tell, the message is sent again (nobody is left out; the platform's nonce, where it has one, is
    /// the last defence against the duplicate).
    /// </summary>
    private async Task<bool> AlreadySentAsync(Round round, string key, OutboundMessage message, CancellationToken cancellationToken)
    {
        var found = await messenger.FindSentAsync(message, cancellationToken).ConfigureAwait(false);
        switch (found)
        {
            case SentLookup.Sent:
                LogFoundSent(logger, round.RoundId, key);
                return true;
            case SentLookup.NotSent:
                // A send the dead process had on the wire may still land after the restart asked (a slow network, a
                // busy platform): give it the grace to arrive and ask once more before sending it again. Real time, not
                // the injected clock: it waits for the network, as lease waits wait for another process.
                if (options.Value.ResendGrace > TimeSpan.Zero
                    && await LandedDuringGraceAsync(message, cancellationToken).ConfigureAwait(false))
                {
                    LogFoundSent(logger, round.RoundId, key);
                    return true;
                }

                LogFoundNotSent(logger, round.RoundId, key);
                return false;
            default:
                LogLookupUnknown(logger, round.RoundId, key);
                return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {RoundId}: {DeliveryKey} was accepted by the platform before an interruption kept it from being recorded; recorded now, not sent again")]
    private static partial void LogFoundSent(ILogger logger, string roundId, string deliveryKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {RoundId}: {DeliveryKey} was about to be sent when an interruption came and the platform does not have it; sending it now")]
    private static partial void LogFoundNotSent(ILogger logger, string roundId, string deliveryKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {RoundId}: {DeliveryKey} may have been sent before an interruption and the platform cannot say; sending it again (a duplicate is possible, never a gap)")]
    private static partial void LogLookupUnknown(ILogger logger, string roundId, string deliveryKey);
}
