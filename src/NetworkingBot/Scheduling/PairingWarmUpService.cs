using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Hosting;

namespace NetworkingBot.Scheduling;

/// <summary>
/// Once a Discord or Slack host has started, plans the pairing engine's made-up rounds (<see cref="PairingWarmUp"/>)
/// on the thread pool, so the first real round after a start does not spend a few hundred milliseconds compiling the
/// engine (10,000 members: about 1.05 s cold against 0.9 s warm, docs/PERFORMANCE.md). It costs a third of a second
/// of one core, after start-up, never before the adapters take commands. A failure is logged and the host goes on:
/// a round compiles what it needs anyway.
/// </summary>
public sealed partial class PairingWarmUpService : BackgroundService
{
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<PairingWarmUpService> logger;
    private readonly Func<int> warmUp;

    public PairingWarmUpService(IHostApplicationLifetime lifetime, ILogger<PairingWarmUpService> logger)
        : this(lifetime, logger, PairingWarmUp.Run)
    {
    }

    /// <param name="warmUp">Tests: what runs instead of <see cref="PairingWarmUp.Run"/>.</param>
    internal PairingWarmUpService(IHostApplicationLifetime lifetime, ILogger<PairingWarmUpService> logger, Func<int> warmUp)
    {
        this.lifetime = lifetime;
        this.logger = logger;
        this.warmUp = warmUp;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var groups = await Task.Run(warmUp, stoppingToken).ConfigureAwait(false);
            LogWarmedUp(logger, watch.ElapsedMilliseconds, groups);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it began: nothing to report.
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pairing engine compiled in {Milliseconds} ms ({Groups} made-up groups)")]
    private static partial void LogWarmedUp(ILogger logger, long milliseconds, int groups);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pairing engine warm-up failed ({ExceptionType}: {Reason}); the first round will compile what it needs")]
    private static partial void LogFailed(ILogger logger, string exceptionType, string reason);
}
