using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// The one shared StackExchange.Redis <see cref="ConnectionMultiplexer"/>, opened on first use. A first connect that
/// fails is reported as one <see cref="RedisConnectionException"/> naming the endpoint, and the next call tries again;
/// once connected, the library reconnects by itself after a drop (its commands meanwhile wait in its backlog up to
/// the async timeout and then fail), and the drop and the return are logged here.
/// </summary>
public sealed class RedisConnection(RedisConnectionOptions options, ILogger<RedisConnection>? logger = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly ILogger _logger = logger ?? NullLogger<RedisConnection>.Instance;
    private ConnectionMultiplexer? _multiplexer;
    private int _restored;
    private bool _disposed;

    public RedisConnectionOptions Options { get; } = options;

    /// <summary>Raised after the library restored a dropped connection, so the keyspace can be checked for data loss.</summary>
    public event Action? Restored;

    /// <summary>1 once connected, plus one for every time the library restored the connection; for logs and tests.</summary>
    public int ConnectCount => _multiplexer is null ? 0 : 1 + Volatile.Read(ref _restored);

    /// <summary>The database of the connection string (<c>defaultDatabase</c>), connecting first if needed.</summary>
    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken = default) =>
        (await GetMultiplexerAsync(cancellationToken).ConfigureAwait(false)).GetDatabase();

    /// <summary>The multiplexer, connecting first if needed.</summary>
    public async ValueTask<ConnectionMultiplexer> GetMultiplexerAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_multiplexer is { } ready)
        {
            return ready;
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _multiplexer ??= await ConnectAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Sends a raw command (keys already prefixed); for the start-up check, the shell's clock and tests.</summary>
    public async Task<RedisResult> ExecuteAsync(IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        var db = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return Results.From(await db.ExecuteAsync(command[0], command.Skip(1).Cast<object>().ToList()).WaitAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var configuration = Options.Configuration;
        ConnectionMultiplexer multiplexer;

        // The library writes why a connect failed only to this log; the exception just says it failed.
        using var connectLog = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration, connectLog).ConfigureAwait(false);
        }
        catch (RedisConnectionException ex)
        {
            var reason = ConnectFailures.Describe(ex, connectLog.ToString(), configuration.Ssl, !string.IsNullOrEmpty(configuration.Password));
            if (reason == ConnectFailures.NoAnswer && await ConnectFailures.RefusesAsync(configuration).ConfigureAwait(false))
            {
                reason = "connection refused";
            }

            throw new RedisConnectionException(ex.FailureType, CommandFlags.None, $"cannot reach Redis at {Options.Endpoint}: {reason}", ex, CommandStatus.Unknown);
        }

        // Only with abortConnect=false does ConnectAsync return unconnected; the start-up check still wants to know.
        if (!multiplexer.IsConnected)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
            throw new RedisConnectionException(
                ConnectionFailureType.UnableToConnect, CommandFlags.None, $"cannot reach Redis at {Options.Endpoint}: no connection within {configuration.ConnectTimeout} ms", null, CommandStatus.Unknown);
        }

        await CheckUserAsync(multiplexer).ConfigureAwait(false);
        multiplexer.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                _logger.LogWarning("Lost the connection to Redis at {Endpoint} ({FailureType}); commands wait for it up to the async timeout", Options.Endpoint, e.FailureType);
            }
        };
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                Interlocked.Increment(ref _restored);
                _logger.LogWarning("Reconnected to Redis at {Endpoint}", Options.Endpoint);
                Restored?.Invoke();
            }
        };
        return multiplexer;
    }

    /// <summary>
    /// A refused AUTH leaves a Redis connection logged in as the default user, and the library carries on; with an
    /// ACL user named, the connection must really be that user, or the password was wrong.
    /// </summary>
    private async Task CheckUserAsync(ConnectionMultiplexer multiplexer)
    {
        if (Options.Configuration.User is not { Length: > 0 } user)
        {
            return;
        }

        var actual = (string?)await multiplexer.GetDatabase().ExecuteAsync("ACL", "WHOAMI").ConfigureAwait(false);
        if (!string.Equals(actual, user, StringComparison.Ordinal))
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
            throw new RedisConnectionException(
                ConnectionFailureType.AuthenticationFailure, CommandFlags.None,
                $"cannot reach Redis at {Options.Endpoint}: the server refused the credentials of user '{user}' (user=, password=)", null, CommandStatus.Unknown);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_multiplexer is { } multiplexer)
        {
            await multiplexer.CloseAsync(allowCommandsToComplete: false).ConfigureAwait(false);
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
