using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Discord.Gateway;

/// <summary>
/// Runs this process's shards of the Discord gateway. <see cref="StartAsync"/> reads <c>GET /gateway/bot</c>
/// through <see cref="IGatewayInfoSource"/>, picks the shards (<see cref="DiscordOptions.ShardIds"/>, or all of
/// <see cref="DiscordOptions.ShardCount"/> or Discord's recommendation) and starts each on its own loop;
/// identifies are paced by <c>max_concurrency</c> and the session start limit. <see cref="StopAsync"/> closes
/// every connection with 1000; the client may be started again after it.
/// </summary>
public sealed class GatewayClient(
    IOptions<DiscordOptions> options,
    IGatewayInfoSource gatewayInfo,
    IGatewayDispatchHandler handler,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    GatewaySettings? settings = null,
    Func<double>? random = null) : IHostedService, IDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<GatewayClient>();
    private readonly GatewaySettings _settings = settings ?? new GatewaySettings();
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;
    private readonly CancellationTokenSource _abort = new();
    private readonly List<GatewayShard> _shards = [];
    private readonly List<Task> _runs = [];

    /// <summary>A snapshot of every shard this process runs.</summary>
    public IReadOnlyList<GatewayShardState> Shards
    {
        get
        {
            lock (_shards)
            {
                return _shards.Select(s => s.State).ToArray();
            }
        }
    }

    /// <summary>Completes when every shard has stopped: after <see cref="StopAsync"/>, or when all failed fatally.</summary>
    public Task Completion
    {
        get
        {
            lock (_shards)
            {
                return Task.WhenAll(_runs);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var token = options.Value.Token;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException("Discord:Token is not set; set the Discord__Token environment variable.");
        }

        ForgetStoppedShards();
        var info = await gatewayInfo.GetAsync(cancellationToken).ConfigureAwait(false);
        var shardCount = options.Value.ShardCount > 0 ? options.Value.ShardCount : Math.Max(1, info.Shards);
        var shardIds = options.Value.ShardIds.Count > 0 ? options.Value.ShardIds.ToArray() : Enumerable.Range(0, shardCount).ToArray();
        var invalid = shardIds.Where(id => id < 0 || id >= shardCount).ToArray();
        if (invalid.Length > 0)
        {
            throw new InvalidOperationException(
                $"Discord:ShardIds {string.Join(", ", invalid)} are outside 0..{shardCount - 1} (Discord:ShardCount is {shardCount}).");
        }

        var scheduler = new GatewayIdentifyScheduler(info.Limit, _settings.IdentifyWindow, timeProvider,
            loggerFactory.CreateLogger<GatewayIdentifyScheduler>());
        _logger.LogInformation(
            "Starting shards {ShardIds} of {ShardCount} ({Remaining} session starts left, max concurrency {MaxConcurrency})",
            shardIds, shardCount, info.Limit.Remaining, scheduler.MaxConcurrency);

        // Ascending order: Discord wants rate-limit buckets to start in order.
        foreach (var shardId in shardIds.Order())
        {
            var context = new ShardContext(shardId, shardCount, token, info.Url, handler, scheduler, _settings, timeProvider,
                _random, loggerFactory.CreateLogger($"{typeof(GatewayShard).FullName}[{shardId}]"), options.Value.MaxInboundFrameBytes);
            var shard = new GatewayShard(context);
            lock (_shards)
            {
                _shards.Add(shard);
                _runs.Add(Task.Run(() => shard.RunAsync(_abort.Token), CancellationToken.None));
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task all;
        lock (_shards)
        {
            foreach (var shard in _shards)
            {
                shard.RequestStop();
            }

            all = Task.WhenAll(_runs);
        }

        try
        {
            await all.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host ran out of patience: drop the sockets without waiting for the close handshakes.
            await _abort.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }
    }

    /// <summary>A start after a stop (the adapter restarting after a fault) begins with no shard of the last run.</summary>
    private void ForgetStoppedShards()
    {
        lock (_shards)
        {
            if (_runs.Any(r => !r.IsCompleted))
            {
                throw new InvalidOperationException("The gateway is already running; stop it before starting it again.");
            }

            foreach (var shard in _shards)
            {
                shard.Dispose();
            }

            _shards.Clear();
            _runs.Clear();
        }
    }

    public void Dispose()
    {
        _abort.Dispose();
        lock (_shards)
        {
            foreach (var shard in _shards)
            {
                shard.Dispose();
            }
        }
    }
}
