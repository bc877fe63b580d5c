using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Slack.Api;

namespace NetworkingBot.Slack.Socket;

/// <summary>
/// Keeps <see cref="SlackOptions.Connections"/> Socket Mode connections open. On a refresh the replacement is opened
/// before the old socket is let go, so an envelope in flight on either is still read and acked; a dropped socket is
/// reopened with a fresh URL after a doubling backoff; link_disabled stops everything with a clear log line.
/// </summary>
internal sealed class SocketModeService(
    ISlackApi api,
    EnvelopeProcessor processor,
    [FromKeyedServices(SlackServiceCollectionExtensions.Key)] AnswerInTime background,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILoggerFactory loggers,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    /// <summary>Slack's answers to a token that will never work: retrying cannot help, so the process stops.</summary>
    private static readonly HashSet<string> FatalAuthErrors = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type",
    };

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A connection that lasted this long was healthy: the backoff starts over after it. One that ended sooner, even
    /// by Slack's own refresh, makes the next open wait, so a refresh or too_many_websockets storm cannot spin.
    /// </summary>
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(30);
    private readonly ILogger _logger = loggers.CreateLogger<SocketModeService>();
    private int _opened;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (lifetime is not null)
        {
            // Connect once the host has started (store migrated, missed rounds caught up), so a fatal stop from
            // here can never interrupt the start half-way.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var onStart = lifetime.ApplicationStarted.Register(() => started.TrySetResult()).ConfigureAwait(false);
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var count = Math.Clamp(options.Value.Connections, 1, 10);
        await Task.WhenAll(Enumerable.Range(0, count).Select(slot => RunSlotAsync(slot, run))).ConfigureAwait(false);
        if (!await background.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false))
        {
            _logger.LogWarning("Some late Slack answers were still running at shutdown");
        }
    }

    private async Task RunSlotAsync(int slot, CancellationTokenSource run)
    {
        var stopping = run.Token;
        var delay = options.Value.ReconnectDelay;
        var retiring = new List<Task>();
        SocketModeConnection? current = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                SocketModeConnection connection;
                try
                {
                    connection = current = await OpenAsync(slot, stopping).ConfigureAwait(false);
                }
                catch (SlackApiException ex) when (FatalAuthErrors.Contains(ex.Error))
                {
                    _logger.LogCritical("Slack refused the app token ({Error}): check Slack__AppToken (an xapp- token with connections:write, from Basic Information → App-Level Tokens). Slack stays off until the bot is restarted.", ex.Error);
                    // Returning stops Slack for good; the host's supervisor keeps the other adapters running.
                    await run.CancelAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // Expected faults (Slack errors, network, an HttpClient timeout) and unexpected ones alike: one
                    // slot's trouble never ends the host.
                    _logger.Log(ex is SlackApiException or WebSocketException or HttpRequestException or TimeoutException or OperationCanceledException ? LogLevel.Warning : LogLevel.Error,
                        "Could not open a Socket Mode connection (slot {Slot}): {Reason}; retrying in {Seconds} s", slot, ex.Message, delay.TotalSeconds);
                    await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                    delay = Next(delay);
                    continue;
                }

                try
                {
                    var opened = time.GetUtcNow();
                    var end = await connection.Ended.WaitAsync(stopping).ConfigureAwait(false);
                    current = null;
                    var lived = time.GetUtcNow() - opened;
                    if (lived >= StableAfter)
                    {
                        delay = options.Value.ReconnectDelay;
                    }

                    switch (end)
                    {
                        case ConnectionEndKind.Refresh:
                            // The old socket keeps reading until it closes, so waiting here loses nothing.
                            retiring.Add(RetireAsync(connection, stopping));
                            if (lived < StableAfter)
                            {
                                // Refreshes in quick succession are a storm (or a loop): pace the replacements.
                                _logger.LogWarning("Slack asked for a new connection {Connection} {Seconds:0.#} s after it opened; opening the next in {Delay} s",
                                    connection.Name, lived.TotalSeconds, delay.TotalSeconds);
                                await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                                delay = Next(delay);
                            }

                            break;
                        case ConnectionEndKind.Disabled:
                            _logger.LogCritical("Slack disabled Socket Mode for this app (link_disabled). Turn Socket Mode back on in the app settings (api.slack.com/apps → Socket Mode) and restart the bot; not reconnecting.");
                            await connection.CloseAsync(CancellationToken.None).ConfigureAwait(false);
                            await connection.DisposeAsync().ConfigureAwait(false);
                            await run.CancelAsync().ConfigureAwait(false);
                            return;
                        case ConnectionEndKind.TooMany:
                            await connection.CloseAsync(CancellationToken.None).ConfigureAwait(false);
                            await connection.DisposeAsync().ConfigureAwait(false);
                            _logger.LogWarning("Slack has too many Socket Mode connections open for this app (at most 10, across every instance; check Slack:Connections); slot {Slot} reconnects in {Seconds} s",
                                slot, delay.TotalSeconds);
                            await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                            delay = Next(delay);
                            break;
                        default:
                            await connection.DisposeAsync().ConfigureAwait(false);
                            _logger.LogWarning("Socket Mode connection {Connection} dropped; reconnecting in {Seconds} s", connection.Name, delay.TotalSeconds);
                            await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                            delay = Next(delay);
                            break;
                    }
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // A bug while replacing a connection must not end the slot (or the host): log it and start over.
                    _logger.LogError(ex, "Socket Mode slot {Slot} failed while replacing its connection; reconnecting in {Seconds} s", slot, delay.TotalSeconds);
                    current = null;
                    await connection.DisposeAsync().ConfigureAwait(false);
                    await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                    delay = Next(delay);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down (or link_disabled elsewhere).
        }
        finally
        {
            if (current is not null)
            {
                await current.CloseAsync(CancellationToken.None).ConfigureAwait(false);
                await current.DisposeAsync().ConfigureAwait(false);
            }

            await Task.WhenAll(retiring).ConfigureAwait(false);
        }
    }

    private async Task<SocketModeConnection> OpenAsync(int slot, CancellationToken stopping)
    {
        var url = await api.OpenConnectionAsync(stopping).ConfigureAwait(false);
        var socket = new ClientWebSocket();
        // The idle watchdog: our own pings must be answered, or the socket is aborted and reopened as a drop.
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        var name = $"{slot}.{Interlocked.Increment(ref _opened)}";
        var connection = new SocketModeConnection(socket, name, processor, _logger, options.Value.MaxFrameBytes);
        try
        {
            await socket.ConnectAsync(url, stopping).ConfigureAwait(false);
            await connection.StartAsync(HelloTimeout, stopping).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Lets an old connection deliver what Slack still sends on it, then closes it after the grace period.</summary>
    private async Task RetireAsync(SocketModeConnection connection, CancellationToken stopping)
    {
        try
        {
            await connection.Completion.WaitAsync(options.Value.RefreshGrace, time, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            await connection.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private TimeSpan Next(TimeSpan delay) => delay * 2 > options.Value.MaxReconnectDelay ? options.Value.MaxReconnectDelay : delay * 2;
}
