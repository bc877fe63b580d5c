using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// Notices Redis losing its data. At start the store writes an epoch key (a random id and the time) under its
/// prefix, if there is none yet (a new keyspace, or one from before epochs), and remembers it. After every reconnect
/// and every <see cref="CheckEvery"/> it reads the key again; when it is gone or different, the keyspace was emptied
/// under the running bot: from then on every store call throws <see cref="RedisDataLostException"/>, the error is
/// logged once, and a marker key (<see cref="LostKey"/>) is written so that no instance starts over on the empty
/// keyspace until an operator restores the data or deletes the marker.
/// </summary>
public sealed class KeyspaceEpoch : IAsyncDisposable
{
    /// <summary>How often the epoch is read besides after reconnects: a FLUSHALL keeps the connection open.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private readonly RedisConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reporting;
    private ITimer? _timer;
    private string? _expected;

    public KeyspaceEpoch(RedisConnection connection, string keyPrefix, TimeProvider time, ILogger<KeyspaceEpoch>? logger = null)
    {
        _connection = connection;
        _time = time;
        _logger = logger ?? NullLogger<KeyspaceEpoch>.Instance;
        Key = keyPrefix + RedisKeys.Epoch;
        LostKey = keyPrefix + RedisKeys.EpochLost;
    }

    /// <summary>The epoch key, prefix included.</summary>
    public string Key { get; }

    /// <summary>The marker written when the data was found lost, prefix included; its presence refuses a start.</summary>
    public string LostKey { get; }

    /// <summary>Completes, with the error's text, when the data was found lost; for health checks and tests.</summary>
    public Task<string> Lost => _lost.Task;

    /// <summary>
    /// Refuses when an instance found the data lost before (the marker is there); else records the epoch (writing
    /// one when there is none) and starts watching it. Call once at start, before any other write.
    /// </summary>
    public async Task<string> EstablishAsync(CancellationToken cancellationToken = default)
    {
        if ((await _connection.ExecuteAsync(["GET", LostKey], cancellationToken).ConfigureAwait(false)).AsString() is { } when)
        {
            throw new RedisDataLostException(Message($"(found at {when})"));
        }

        var fresh = Guid.NewGuid().ToString("N") + " " + _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await _connection.ExecuteAsync(["SET", Key, fresh, "NX"], cancellationToken).ConfigureAwait(false);
        _expected = (await _connection.ExecuteAsync(["GET", Key], cancellationToken).ConfigureAwait(false)).AsString()
            ?? throw new RedisDataLostException(Message("(its epoch vanished while being written)"));
        if (_timer is null)
        {
            _connection.Restored += OnRestored;
            _timer = _time.CreateTimer(_ => _ = CheckQuietlyAsync(), null, CheckEvery, CheckEvery);
        }

        return _expected;
    }

    /// <summary>Throws <see cref="RedisDataLostException"/> once the data was found lost; every store call asks.</summary>
    public void ThrowIfLost()
    {
        if (_lost.Task.IsCompleted)
        {
            throw new RedisDataLostException(_lost.Task.Result);
        }
    }

    /// <summary>Reads the epoch now; false when the data is (or was already) found lost. Connection errors propagate.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken = default)
    {
        if (_lost.Task.IsCompleted)
        {
            return false;
        }

        if (_expected is null)
        {
            return true; // not established yet: nothing to compare with
        }

        var stored = (await _connection.ExecuteAsync(["GET", Key], cancellationToken).ConfigureAwait(false)).AsString();
        if (string.Equals(stored, _expected, StringComparison.Ordinal))
        {
            return true;
        }

        var message = Message(stored is null ? "(its epoch key is gone)" : "(its epoch key now holds another deployment's)");
        if (Interlocked.Exchange(ref _reporting, 1) == 0)
        {
            try
            {
                // Keeps a start on the empty keyspace from beginning again silently; only the marker, no state. Written
                // before the loss is announced, so whoever sees Lost also finds the marker.
                await _connection.ExecuteAsync(["SET", LostKey, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), "NX"], cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _lost.TrySetResult(message);
                _logger.LogError("{Error}", message);
            }
        }

        return false;
    }

    private void OnRestored() => _ = CheckQuietlyAsync();

    private async Task CheckQuietlyAsync()
    {
        try
        {
            await CheckAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Unreachable again: the next reconnect or tick checks; store calls meanwhile fail on their own.
            _logger.LogDebug(ex, "Could not read the Redis epoch {Key}; checking again later", Key);
        }
    }

    private string Message(string detail) =>
        $"Redis at {_connection.Options.Endpoint} lost its data under prefix '{_connection.Options.Prefix}' {detail} (restarted without persistence?); "
        + $"restore it, or start over on an empty keyspace with `redis-cli -h <host> -p <port> DEL {LostKey}` and restart the bot";

    public async ValueTask DisposeAsync()
    {
        _connection.Restored -= OnRestored;
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
