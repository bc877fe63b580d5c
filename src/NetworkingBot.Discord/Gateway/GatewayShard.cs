using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// One shard: connects, and after every drop reconnects — resuming on <c>resume_gateway_url</c> while a
/// session exists, identifying afresh on the gateway URL otherwise — until stopped or a fatal close code.
/// Holds what survives a reconnect: session id, resume URL and the last sequence.
/// </summary>
internal sealed class GatewayShard(ShardContext context) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private GatewayShardStatus _status = GatewayShardStatus.NotStarted;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private int? _sequence;
    private int? _lastCloseCode;
    private GatewayConnection? _current;

    public int ShardId => context.ShardId;

    public GatewayShardState State
    {
        get
        {
            lock (_gate)
            {
                return new GatewayShardState(context.ShardId, context.ShardCount, _status, _sessionId, _sequence, _resumeUrl, _lastCloseCode);
            }
        }
    }

    /// <summary>Runs until <see cref="RequestStop"/>, <paramref name="abort"/>, or a fatal close code.</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        using var delays = CancellationTokenSource.CreateLinkedTokenSource(abort, _stop.Token);
        var attempt = 0;
        while (!delays.IsCancellationRequested)
        {
            var (resume, url) = ReadReconnectTarget();
            SetStatus(GatewayShardStatus.Connecting);
            using var connection = new GatewayConnection(context, this);
            lock (_gate)
            {
                _current = connection;
            }

            // A stop requested while the connection was being created would otherwise be missed.
            if (_stop.IsCancellationRequested)
            {
                connection.RequestEnd(new ConnectionEnd(ConnectionEndKind.Stopped, "stopped"), GatewayCloseCodes.Normal);
            }

            var end = await connection.RunAsync(url, resume, abort).ConfigureAwait(false);
            lock (_gate)
            {
                _current = null;
                _lastCloseCode = end.CloseCode ?? _lastCloseCode;
            }

            attempt = connection.Established ? 0 : attempt;
            if (end.Kind == ConnectionEndKind.Stopped || delays.IsCancellationRequested)
            {
                break;
            }

            if (end.Kind == ConnectionEndKind.Fatal)
            {
                context.Logger.LogError("Shard {ShardId} stopped for good (close code {CloseCode}): {Fix}",
                    context.ShardId, end.CloseCode, end.Reason);
                SetStatus(GatewayShardStatus.Failed);
                return;
            }

            var delay = NextDelay(end.Kind, ref attempt);
            context.Logger.LogInformation("Shard {ShardId} reconnecting in {Delay} ({Reason})", context.ShardId, delay, end.Reason);
            SetStatus(GatewayShardStatus.Reconnecting);
            try
            {
                await Task.Delay(delay, context.Time, delays.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        SetStatus(GatewayShardStatus.Stopped);
    }

    /// <summary>Closes the connection with 1000 (which ends the Discord session) and lets <see cref="RunAsync"/> return.</summary>
    public void RequestStop()
    {
        // Cancel before reading the connection: RunAsync checks the token after publishing a new one.
        _stop.Cancel();
        GatewayConnection? current;
        lock (_gate)
        {
            current = _current;
        }

        current?.RequestEnd(new ConnectionEnd(ConnectionEndKind.Stopped, "stopped"), GatewayCloseCodes.Normal);
    }

    private TimeSpan NextDelay(ConnectionEndKind kind, ref int attempt)
    {
        var settings = context.Settings;
        switch (kind)
        {
            case ConnectionEndKind.ResumeNow:
                return TimeSpan.Zero;
            case ConnectionEndKind.IdentifyAfterInvalidSession:
                ClearSession();
                var spread = settings.InvalidSessionDelayMax - settings.InvalidSessionDelayMin;
                return settings.InvalidSessionDelayMin + (spread * context.Random());
            case ConnectionEndKind.IdentifyAfterBackoff:
                ClearSession();
                break;
        }

        // Exponential backoff with jitter in [half, full], so shards that dropped together do not return together.
        var ceiling = settings.BackoffInitial * Math.Pow(2, Math.Min(attempt, 16));
        attempt++;
        var capped = ceiling < settings.BackoffMax ? ceiling : settings.BackoffMax;
        return capped * (0.5 + (0.5 * context.Random()));
    }

    private (bool Resume, Uri Url) ReadReconnectTarget()
    {
        lock (_gate)
        {
            return _sessionId is not null && _resumeUrl is not null ? (true, _resumeUrl) : (false, context.GatewayUrl);
        }
    }

    internal void SetStatus(GatewayShardStatus status)
    {
        lock (_gate)
        {
            _status = status;
        }
    }

    internal int? ReadSequence()
    {
        lock (_gate)
        {
            return _sequence;
        }
    }

    internal (string SessionId, int? Sequence) ReadResumePoint()
    {
        lock (_gate)
        {
            return (_sessionId ?? throw new InvalidOperationException("No session to resume."), _sequence);
        }
    }

    internal void RecordSequence(int? sequence)
    {
        if (sequence is null)
        {
            return;
        }

        lock (_gate)
        {
            _sequence = sequence;
        }
    }

    internal void StartSession(string sessionId, Uri resumeUrl)
    {
        lock (_gate)
        {
            _sessionId = sessionId;
            _resumeUrl = resumeUrl;
            _status = GatewayShardStatus.Ready;
        }
    }

    private void ClearSession()
    {
        lock (_gate)
        {
            _sessionId = null;
            _resumeUrl = null;
            _sequence = null;
        }
    }

    public void Dispose() => _stop.Dispose();
}
