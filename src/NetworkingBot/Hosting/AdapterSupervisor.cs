using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core;

namespace NetworkingBot.Hosting;

/// <summary>
/// Runs every configured platform adapter so that one adapter's trouble never stops another. A faulted adapter is
/// started again after an exponential backoff (one log line per attempt); one that stopped for good stays off while
/// the others keep running; only when every adapter has stopped for good does the host stop, with
/// <see cref="ExitCodes.AdaptersStopped"/>. The supervisor itself never throws, so the host's
/// default "stop on a background fault" can only be triggered by the console shell, whose behaviour is unchanged.
/// </summary>
public sealed partial class AdapterSupervisor(
    IEnumerable<SupervisedAdapter> adapters,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<AdapterSupervisor> logger,
    SupervisionSettings? settings = null,
    Action<int>? setExitCode = null) : BackgroundService
{
    private readonly SupervisedAdapter[] _adapters = [.. adapters];
    private readonly SupervisionSettings _settings = settings ?? new SupervisionSettings();
    private readonly Action<int> _setExitCode = setExitCode ?? (code => Environment.ExitCode = code);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _stopped = new(StringComparer.Ordinal);
    private int _stillRunning;

    /// <summary>Completes when the adapter named <paramref name="name"/> has stopped for good.</summary>
    public Task StoppedForGood(string name) => Signal(name).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Take input only once the host has started: the store is migrated and missed rounds are caught up, and a
        // stop from here cannot interrupt the start half-way.
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        _stillRunning = _adapters.Length;
        await Task.WhenAll(_adapters.Select(a => Task.Run(() => SuperviseAsync(a, stoppingToken), CancellationToken.None))).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Each adapter's own clean-up (closing sockets, letting answers in flight finish), all at once.
        await Task.WhenAll(_adapters.Select(a => StopAdapterAsync(a, cancellationToken))).ConfigureAwait(false);
    }

    private async Task SuperviseAsync(SupervisedAdapter adapter, CancellationToken stopping)
    {
        var attempt = 0;
        while (!stopping.IsCancellationRequested)
        {
            var startedAt = time.GetTimestamp();
            Exception? fault = null;
            try
            {
                await adapter.Service.StartAsync(stopping).ConfigureAwait(false);
                if (adapter.Service.ExecuteTask is { } running)
                {
                    await running.ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                fault = ex;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (stopping.IsCancellationRequested)
            {
                return;
            }

            if (fault is null)
            {
                OnStoppedForGood(adapter);
                return;
            }

            attempt = time.GetElapsedTime(startedAt) >= _settings.HealthyRun ? 1 : attempt + 1;
            var delay = _settings.DelayBefore(attempt);

            // The timer starts before the line is written, so whoever reads the line may rely on the timer running.
            var wait = Task.Delay(delay, time, stopping);
            LogFault(adapter.Name, fault.GetType().Name, fault.Message, delay, attempt);
            LogFaultDetail(fault, adapter.Name);
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnStoppedForGood(SupervisedAdapter adapter)
    {
        var left = Interlocked.Decrement(ref _stillRunning);
        if (left > 0)
        {
            LogStoppedAlone(adapter.Name, left);
        }
        else
        {
            LogAllStopped(ExitCodes.AdaptersStopped);
            _setExitCode(ExitCodes.AdaptersStopped);
            lifetime.StopApplication();
        }

        Signal(adapter.Name).TrySetResult();
    }

    private async Task StopAdapterAsync(SupervisedAdapter adapter, CancellationToken cancellationToken)
    {
        try
        {
            await adapter.Service.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Stopping is best effort: the process is going away, and one adapter's clean-up must not skip another's.
            LogStopFailed(ex, adapter.Name);
        }
    }

    private TaskCompletionSource Signal(string name) =>
        _stopped.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Adapter} adapter failed ({ExceptionType}: {Reason}); restarting it in {Delay} (attempt {Attempt})")]
    private partial void LogFault(string adapter, string exceptionType, string reason, TimeSpan delay, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The {Adapter} adapter's failure in full")]
    private partial void LogFaultDetail(Exception exception, string adapter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Adapter} adapter has stopped for good (the line above says why); {Running} other adapter(s) keep running")]
    private partial void LogStoppedAlone(string adapter, int running);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Every configured adapter has stopped for good (the lines above say why); exiting with code {ExitCode}")]
    private partial void LogAllStopped(int exitCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping the {Adapter} adapter failed")]
    private partial void LogStopFailed(Exception exception, string adapter);
}
