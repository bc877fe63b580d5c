using Discord;
using Discord.Net;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Sends an interaction's first response with our own deadline decision. Discord takes it only within 3 s, and
/// Discord.Net's own retry waits out a 429 past that (and past <see cref="RequestOptions.Timeout"/>), so the call
/// goes with <see cref="RetryMode.AlwaysFail"/>: a 429 comes back at once, and it is sent again after Discord's
/// retry_after only when that still ends before the deadline; otherwise the answer is given up with one log line.
/// </summary>
internal sealed partial class CallbackDeadline(TimeProvider time, ILogger logger)
{
    /// <summary>
    /// How long a 429 waits for its retry_after. Discord.Net hands <see cref="RequestOptions.RatelimitCallback"/> to the
    /// thread pool and throws at once, so on a busy machine the exception arrives first; without the wait the retry
    /// fell back to one second, and that retry met Discord.Net's own 3 s check instead of ours.
    /// </summary>
    internal static readonly TimeSpan CallbackGrace = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan UnknownRetryAfter = TimeSpan.FromSeconds(1);

    /// <returns>True when the response was accepted; false when the deadline made answering pointless.</returns>
    public async Task<bool> SendAsync(string interactionId, DateTimeOffset deadline, Func<RequestOptions, Task> send, CancellationToken cancellationToken)
    {
        TimeSpan? limited = null;
        while (true)
        {
            var told = new TaskCompletionSource<TimeSpan?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var options = new RequestOptions
            {
                RetryMode = RetryMode.AlwaysFail,
                CancelToken = cancellationToken,
                RatelimitCallback = info =>
                {
                    told.TrySetResult(RetryAfterOf(info));
                    return Task.CompletedTask;
                },
            };
            try
            {
                await send(options).ConfigureAwait(false);
                return true;
            }
            catch (RateLimitedException)
            {
                // A refusal before sending (the bucket still closed from our last 429) never calls the callback.
                var wait = await ToldAsync(told.Task).ConfigureAwait(false) ?? limited ?? UnknownRetryAfter;
                limited = wait;
                if (time.GetUtcNow() + wait >= deadline)
                {
                    LogGivenUp(interactionId, wait.TotalSeconds);
                    return false;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException) when (limited is { } wait)
            {
                // Discord.Net's own check ("cannot respond after 3 seconds") reads the interaction's snowflake time,
                // a little before we received it: a retry can meet that window closing before ours.
                LogGivenUp(interactionId, wait.TotalSeconds);
                return false;
            }
        }
    }

    private async Task<TimeSpan?> ToldAsync(Task<TimeSpan?> told)
    {
        using var stop = new CancellationTokenSource();
        var first = await Task.WhenAny(told, Task.Delay(CallbackGrace, time, stop.Token)).ConfigureAwait(false);
        stop.Cancel();
        return first == told ? await told.ConfigureAwait(false) : null;
    }

    private static TimeSpan? RetryAfterOf(IRateLimitInfo info) =>
        info.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds)
        : info.ResetAfter is { } reset && info.Remaining == 0 ? reset
        : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limited the answer to interaction {InteractionId} for {Seconds} s, past the 3 s it can be answered in: not answered")]
    private partial void LogGivenUp(string interactionId, double seconds);
}
