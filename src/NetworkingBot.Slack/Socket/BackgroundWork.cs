using Microsoft.Extensions.Logging;

namespace NetworkingBot.Slack.Socket;

/// <summary>
/// Answers that finish after the ack run here: failures are logged instead of vanishing as unobserved tasks,
/// and shutdown can wait for what is still running.
/// </summary>
internal sealed class BackgroundWork(ILogger<BackgroundWork> logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];

    public void Run(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                logger.LogInformation("A late answer was cancelled by shutdown");
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A late answer could not be delivered");
            }
        });
        lock (_gate)
        {
            _running.Add(task);
        }

        task.ContinueWith(t => { lock (_gate) { _running.Remove(t); } }, TaskScheduler.Default);
    }

    /// <summary>Waits for running answers, up to <paramref name="timeout"/>.</summary>
    public Task DrainAsync(TimeSpan timeout)
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        return Task.WhenAll(running).WaitAsync(timeout);
    }
}
