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
/// the gateway shards. A rejected token or missing access, or every shard stopping for good, ends it with one log
/// line that says what to fix: it returns, which tells the host's supervisor it stopped for good (retrying would
/// not help), and the other adapters keep running. Anything else it throws is a fault the supervisor restarts it
/// after, so it leaves no shard of a failed run behind.
/// </summary>
public sealed partial class DiscordAdapter(
    DiscordStartup startup,
    GatewayClient gateway,
    InteractionHandler interactions,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DiscordAdapter> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Take input only once the host has started: the store is migrated and missed rounds are caught up.
        await WhenStartedAsync(lifetime.ApplicationStarted, stoppingToken).ConfigureAwait(false);
        try
        {
            await StartUpAsync(stoppingToken).ConfigureAwait(false);
            await gateway.StartAsync(stoppingToken).ConfigureAwait(false);
            await gateway.Completion.WaitAsync(stoppingToken).ConfigureAwait(false);
            if (!stoppingToken.IsCancellationRequested)
            {
                // Each shard has logged why it stopped (a fatal close code names the fix).
                LogAllShardsStopped();
            }
        }
        catch (DiscordApiException ex) when (ex.HttpStatus == 401)
        {
            LogTokenRejected();
        }
        catch (DiscordApiException ex) when (ex.HttpStatus == 403)
        {
            LogForbidden(ex.Message);
        }
        finally
        {
            if (!stoppingToken.IsCancellationRequested)
            {
                // Stopped for good or faulted: close whatever shards this run started, so a restart begins afresh.
                await gateway.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The once-per-start work, retried with backoff while Discord is unreachable; 401 and 403 end it.</summary>
    private async Task StartUpAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await startup.RunAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not DiscordApiException { HttpStatus: 401 or 403 })
            {
                LogStartRetry(ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
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

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord rejected the bot token: check Discord__Token (Developer Portal → Bot → Reset Token). Discord stays off until the bot is restarted.")]
    private partial void LogTokenRejected();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach Discord at start ({Reason}); retrying in {Seconds} s")]
    private partial void LogStartRetry(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Every Discord shard has stopped for good (see the lines above for why). Discord stays off until the bot is restarted.")]
    private partial void LogAllShardsStopped();

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord refused access at start ({Reason}): check Discord__ApplicationId and Discord__DevGuildId, and that the bot was invited with the applications.commands scope. Discord stays off until the bot is restarted.")]
    private partial void LogForbidden(string reason);
}
