using Microsoft.Extensions.Hosting;

namespace NetworkingBot.Hosting;

/// <summary>Waiting for the host to have started, for background services that must not run during the start.</summary>
internal static class HostStarted
{
    /// <summary>Completes when the host has started (true) or <paramref name="stopping"/> fires first (false).</summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stopping)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()).ConfigureAwait(false))
        {
            try
            {
                await started.Task.WaitAsync(stopping).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return false;
            }
        }
    }
}
