namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// One Discord session as the fake keeps it: every dispatch it ever sent with its sequence, so a RESUME can
/// replay what the client missed, and the connection currently bound to it (none during an outage).
/// All sends go through <see cref="_lock"/> so replayed and live events leave in sequence order.
/// </summary>
internal sealed class FakeDiscordGatewaySession(string id, int shardId) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<(int Sequence, string EventName, string DataJson)> _log = [];
    private FakeDiscordGatewayConnection? _connection;

    public string Id { get; } = id;

    public int ShardId { get; } = shardId;

    /// <summary>False once Discord would refuse a RESUME: after op 9 d:false or a client close with 1000/1001.</summary>
    public bool Resumable { get; set; } = true;

    /// <summary>Appends a dispatch and sends it if a client is connected; otherwise it waits for a RESUME.</summary>
    public async Task<int> DispatchAsync(string eventName, string dataJson)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            var sequence = _log.Count + 1;
            _log.Add((sequence, eventName, dataJson));
            if (_connection is { } connection)
            {
                await connection.SendDispatchAsync(eventName, dataJson, sequence).ConfigureAwait(false);
            }

            return sequence;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Binds a connection (after IDENTIFY) and sends READY as sequence 1, then <paramref name="followUps"/> (a
    /// GUILD_CREATE per guild), all under one hold of the lock: no test dispatch can slip in ahead of READY.
    /// </summary>
    public async Task StartAsync(FakeDiscordGatewayConnection connection, string readyJson, IReadOnlyList<(string EventName, string DataJson)> followUps)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            _connection = connection;
            foreach (var (eventName, dataJson) in followUps.Prepend(("READY", readyJson)))
            {
                var sequence = _log.Count + 1;
                _log.Add((sequence, eventName, dataJson));
                await connection.SendDispatchAsync(eventName, dataJson, sequence).ConfigureAwait(false);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Binds a resuming connection, replays every dispatch after <paramref name="lastSequence"/>, then RESUMED.</summary>
    public async Task ResumeAsync(FakeDiscordGatewayConnection connection, int lastSequence)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            _connection = connection;
            foreach (var (sequence, eventName, dataJson) in _log.Where(e => e.Sequence > lastSequence))
            {
                await connection.SendDispatchAsync(eventName, dataJson, sequence).ConfigureAwait(false);
            }
        }
        finally
        {
            _lock.Release();
        }

        await DispatchAsync("RESUMED", "{}").ConfigureAwait(false);
    }

    /// <summary>Forgets a connection that ended, unless a newer one took its place already.</summary>
    public async Task UnbindAsync(FakeDiscordGatewayConnection connection)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        if (_connection == connection)
        {
            _connection = null;
        }

        _lock.Release();
    }

    public void Dispose() => _lock.Dispose();
}
