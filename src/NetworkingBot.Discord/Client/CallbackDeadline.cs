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
    /// <returns>True when the response was accepted; false when the deadline made answering pointless.</returns>
    public async Task<bool> SendAsync(string interactionId, DateTimeOffset deadline, Func<RequestOptions, Task> send, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan? retryAfter = null;
            var options = new RequestOptions
            {
                RetryMode = RetryMode.AlwaysFail,
                CancelToken = cancellationToken,
                RatelimitCallback = info =>
                {
                    if (info.RetryAfter is { } seconds)
                    {
                        retryAfter = TimeSpan.FromSeconds(seconds);
                    }
                    else if (info.ResetAfter is { } reset && info.Remaining == 0)
                    {
                        retryAfter = reset;
                    }

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
                var wait = retryAfter ?? TimeSpan.FromSeconds(1);
                if (time.GetUtcNow() + wait >= deadline)
                {
                    LogGivenUp(interactionId, wait.TotalSeconds);
                    return false;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limited the answer to interaction {InteractionId} for {Seconds} s, past the 3 s it can be answered in: not answered")]
    private partial void LogGivenUp(string interactionId, double seconds);
}
