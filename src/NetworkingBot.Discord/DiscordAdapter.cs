using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord;

/// <summary>
/// The Discord side of the worker. It never holds up the host's start: in the background it learns the
/// application, brings the commands up to date (retrying with backoff while Discord is unreachable), then runs
/// the gateway shards. A rejected token, or every shard stopping for good, stops the process with exit code 4
/// and one log line that says what to fix; a process manager restarting it would not help.
/// </summary>
public sealed partial class DiscordAdapter(
    DiscordStartup startup,
    GatewayClient gateway,
    InteractionHandler interactions,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DiscordAdapter> logger) : BackgroundService
{
    public const int FatalExitCode = ExitCodes.RejectedToken;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Take input only once the host has started: the store is migrated and missed rounds are caught up, and a
        // fatal stop from here cannot interrupt the start half-way.
        await WhenStartedAsync(lifetime.ApplicationStarted, stoppingToken).ConfigureAwait(false);
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await startup.RunAsync(stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (DiscordApiException ex) when (ex.HttpStatus == 401)
            {
                LogTokenRejected();
                Stop();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not DiscordApiException { HttpStatus: 403 })
            {
                LogStartRetry(ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }

        await gateway.StartAsync(stoppingToken).ConfigureAwait(false);
        await gateway.Completion.WaitAsync(stoppingToken).ConfigureAwait(false);
        if (!stoppingToken.IsCancellationRequested)
        {
            // Each shard has logged why it stopped (a fatal close code names the fix).
            LogAllShardsStopped();
            Stop();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await gateway.StopAsync(cancellationToken).ConfigureAwait(false);
        await interactions.DisposeAsync().ConfigureAwait(false);
    }

    internal static async Task WhenStartedAsync(CancellationToken started, CancellationToken stopping)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStart = started.Register(() => signal.TrySetResult()).ConfigureAwait(false);
        await signal.Task.WaitAsync(stopping).ConfigureAwait(false);
    }

    private void Stop()
    {
        Environment.ExitCode = FatalExitCode;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord rejected the bot token: check Discord__Token (Developer Portal → Bot → Reset Token). Stopping.")]
    private partial void LogTokenRejected();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach Discord at start ({Reason}); retrying in {Seconds} s")]
    private partial void LogStartRetry(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Every Discord shard has stopped for good (see the lines above for why). Stopping.")]
    private partial void LogAllShardsStopped();
}
