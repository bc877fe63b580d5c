using Microsoft.Extensions.Logging;

namespace NetworkingBot.Scheduling;

/// <summary>
/// Keeps a failed firing inside its job. Quartz would catch the exception too, but log it with its whole stack and
/// nothing about what happens next; here the operator reads one line that names the work and says that the next
/// firing tries again (the stack is at Debug). Nothing a job throws ever reaches the host.
/// </summary>
internal static partial class JobGuard
{
    public static async ValueTask RunAsync(ILogger logger, string work, Func<Task> run, CancellationToken cancellationToken)
    {
        try
        {
            await run().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the work resumes from stored state at the next start.
        }
        catch (Exception ex)
        {
            LogFailed(logger, work, ex.GetType().Name, ex.Message);
            LogFailedDetail(logger, ex, work);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled {Work} failed ({ExceptionType}: {Reason}); it is tried again at its next firing")]
    private static partial void LogFailed(ILogger logger, string work, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scheduled {Work} failed; in full")]
    private static partial void LogFailedDetail(ILogger logger, Exception exception, string work);
}
