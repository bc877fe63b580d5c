using System.Globalization;
using System.Net;
using Discord;
using Discord.Net;
using Discord.WebSocket;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// The Discord side of the worker, on Discord.Net. It never holds up the host's start: in the background it logs in
/// (retrying with backoff while Discord is unreachable), brings the commands up to date, then runs the shards, whose
/// interactions <see cref="LibraryInteractionHandler"/> answers. A rejected token, refused access, or a gateway close
/// that retrying cannot fix (bad token, disallowed intents, bad shard) ends it with one log line that says what to
/// fix: it returns, which tells the host's supervisor it stopped for good. Anything it throws is a fault the
/// supervisor restarts it after.
/// </summary>
internal sealed partial class LibraryAdapter(
    DiscordConnection connection,
    LibraryStartup startup,
    LibraryInteractionHandler interactions,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<LibraryAdapter> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>Gateway close codes after which Discord will refuse every new connection the same way.</summary>
    private static readonly HashSet<int> FatalCloseCodes = [4004, 4010, 4011, 4012, 4013, 4014];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Take input only once the host has started: the store is migrated and missed rounds are caught up.
        await WhenStartedAsync(lifetime.ApplicationStarted, stoppingToken).ConfigureAwait(false);
        var client = connection.Client;
        var stoppedForGood = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cannotConnect = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var everConnected = 0;
        Task OnLog(LogMessage message) => DiscordNetLog.Write(logger, message);
        Task OnConnected(DiscordSocketClient shard)
        {
            Interlocked.Exchange(ref everConnected, 1);
            return Task.CompletedTask;
        }

        async Task OnReady(DiscordSocketClient shard)
        {
            // The invite names the application, which a bot's user id need not equal; the login read it (no request here).
            var application = options.Value.ApplicationId is { Length: > 0 } configured
                ? configured
                : (await (await connection.RestAsync(stoppingToken).ConfigureAwait(false)).GetApplicationInfoAsync().ConfigureAwait(false)).Id.ToString(CultureInfo.InvariantCulture);
            startup.OnReady(shard.Guilds.Count, application);
        }

        Task OnDisconnected(Exception reason, DiscordSocketClient shard)
        {
            if (Volatile.Read(ref everConnected) == 0 && CloseCodeOf(reason) is null)
            {
                // Discord.Net retries the gateway address it was first given for ever; one never connected to (a bad
                // address from GET /gateway/bot) is a fault, and the restart asks Discord again.
                cannotConnect.TrySetResult(shard.ShardId);
                LogCannotConnect(shard.ShardId, reason.Message);
            }

            // Discord.Net wraps the close in the exception it reports (a WebSocketException for 4006/4014).
            if (CloseCodeOf(reason) is { } code && FatalCloseCodes.Contains(code))
            {
                LogFatalClose(shard.ShardId, code, reason.Message);
                stoppedForGood.TrySetResult(code);
            }

            return Task.CompletedTask;
        }

        client.Log += OnLog;
        client.ShardConnected += OnConnected;
        client.ShardReady += OnReady;
        client.ShardDisconnected += OnDisconnected;
        client.InteractionCreated += interactions.OnInteraction;
        try
        {
            if (!await StartUpAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }

            await client.LoginAsync(TokenType.Bot, options.Value.Token, DiscordClientFactory.ValidatesToken(options.Value)).ConfigureAwait(false);
            await client.StartAsync().ConfigureAwait(false);
            var ended = await Task.WhenAny(stoppedForGood.Task, cannotConnect.Task).WaitAsync(stoppingToken).ConfigureAwait(false);
            if (ended == cannotConnect.Task)
            {
                throw new InvalidOperationException($"Discord shard {cannotConnect.Task.Result} could not connect to the gateway.");
            }

            LogStoppedForGood();
        }
        finally
        {
            client.InteractionCreated -= interactions.OnInteraction;
            client.ShardDisconnected -= OnDisconnected;
            client.ShardReady -= OnReady;
            client.ShardConnected -= OnConnected;
            client.Log -= OnLog;
            if (!stoppingToken.IsCancellationRequested)
            {
                // Stopped for good or faulted: close whatever shards this run started, so a restart begins afresh.
                await connection.StopShardsAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task WhenStartedAsync(CancellationToken started, CancellationToken stopping)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStart = started.Register(() => signal.TrySetResult()).ConfigureAwait(false);
        await signal.Task.WaitAsync(stopping).ConfigureAwait(false);
    }

    private static int? CloseCodeOf(Exception? reason)
    {
        for (var e = reason; e is not null; e = e.InnerException)
        {
            if (e is WebSocketClosedException closed)
            {
                return closed.CloseCode;
            }
        }

        return null;
    }

    /// <summary>Login and command registration, retried with backoff while Discord is unreachable; false when 401 or 403 end it.</summary>
    private async Task<bool> StartUpAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                var rest = await connection.RestAsync(stoppingToken).ConfigureAwait(false);
                await startup.RegisterAsync(rest, stoppingToken).ConfigureAwait(false);
                return true;
            }
            catch (HttpException ex) when (ex.HttpCode == HttpStatusCode.Unauthorized)
            {
                LogTokenRejected();
                return false;
            }
            catch (HttpException ex) when (ex.HttpCode == HttpStatusCode.Forbidden)
            {
                LogForbidden(ex.Reason ?? ex.Message);
                return false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
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
        await connection.StopShardsAsync().ConfigureAwait(false);
        await interactions.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord rejected the bot token: check Discord__Token (Developer Portal → Bot → Reset Token). Discord stays off until the bot is restarted.")]
    private partial void LogTokenRejected();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach Discord at start ({Reason}); retrying in {Seconds} s")]
    private partial void LogStartRetry(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord closed shard {ShardId} with {CloseCode} ({Reason}), which reconnecting cannot fix: 4004 is a bad token, 4013/4014 intents the bot may not use (Developer Portal → Bot → Privileged Gateway Intents), 4010/4011 the shard settings (Discord__ShardCount, Discord__ShardIds).")]
    private partial void LogFatalClose(int shardId, int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord shard {ShardId} could not connect to the gateway ({Reason}); starting Discord again")]
    private partial void LogCannotConnect(int shardId, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord has stopped for good (see the line above for why). Discord stays off until the bot is restarted.")]
    private partial void LogStoppedForGood();

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord refused access at start ({Reason}): check Discord__ApplicationId and Discord__DevGuildId, and that the bot was invited with the applications.commands scope. Discord stays off until the bot is restarted.")]
    private partial void LogForbidden(string reason);
}
