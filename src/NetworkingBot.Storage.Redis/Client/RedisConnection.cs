using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// The multiplexer: one shared pipelined connection, opened on first use and reopened after it drops.
/// A command whose connection was lost (or could not be opened) is sent again with backoff until
/// <see cref="RedisConnectionOptions.ReconnectTimeout"/> runs out, so a Redis restart delays callers rather
/// than failing them. That is safe only for idempotent commands; the store issues no other kind.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private PhysicalConnection? _current;
    private bool _everConnected;
    private bool _disposed;

    public RedisConnection(RedisConnectionOptions options, ILogger<RedisConnection>? logger = null, TimeProvider? time = null)
    {
        Options = options;
        _logger = logger ?? NullLogger<RedisConnection>.Instance;
        _time = time ?? TimeProvider.System;
    }

    public RedisConnectionOptions Options { get; }

    /// <summary>How many times a connection was opened (1 until the first reconnect); for logs and tests.</summary>
    public int ConnectCount { get; private set; }

    /// <summary>Sends a raw command (no key prefix) and returns its reply; error replies throw <see cref="RedisServerException"/>.</summary>
    public async Task<RedisResult> ExecuteAsync(IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var backoff = FirstBackoff;
        while (true)
        {
            try
            {
                var connection = await GetConnectedAsync(cancellationToken).ConfigureAwait(false);
                return await connection.SendAsync(command, Options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (RedisConnectionException ex) when (ex.Transient && _time.GetElapsedTime(started) + backoff < Options.ReconnectTimeout && !_disposed)
            {
                _logger.LogDebug("Redis command {Command} waits for a connection: {Reason}", command[0], ex.Message);
                await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async ValueTask<PhysicalConnection> GetConnectedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_current is { IsConnected: true } ready)
        {
            return ready;
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { IsConnected: true } raced)
            {
                return raced;
            }

            if (_current is not null)
            {
                await _current.DisposeAsync().ConfigureAwait(false);
                _current = null;
            }

            var opened = await PhysicalConnection.OpenAsync(Options, cancellationToken).ConfigureAwait(false);
            try
            {
                await HandshakeAsync(opened, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await opened.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _current = opened;
            ConnectCount++;
            if (_everConnected)
            {
                _logger.LogWarning("Reconnected to Redis at {Endpoint}", Options.Endpoint);
            }

            _everConnected = true;
            return opened;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private async Task HandshakeAsync(PhysicalConnection connection, CancellationToken cancellationToken)
    {
        if (Options.Password is not null)
        {
            string[] auth = Options.User is null ? ["AUTH", Options.Password] : ["AUTH", Options.User, Options.Password];
            try
            {
                await connection.SendAsync(auth, Options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (RedisServerException ex)
            {
                throw new RedisConnectionException($"Redis at {Options.Endpoint} refused the credentials: {ex.Message}", ex, transient: false);
            }
        }

        try
        {
            if (Options.Database != 0)
            {
                await connection.SendAsync(["SELECT", Options.Database.ToString(System.Globalization.CultureInfo.InvariantCulture)], Options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            }

            // Also proves the server accepts commands from us (NOAUTH shows here when a password is required but missing).
            await connection.SendAsync(["PING"], Options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException ex)
        {
            throw new RedisConnectionException($"Redis at {Options.Endpoint} refused the connection setup: {ex.Message}", ex, transient: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_current is { } current)
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }
    }
}
