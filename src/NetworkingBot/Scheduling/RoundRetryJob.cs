using Microsoft.Extensions.Logging;
using Quartz;

namespace NetworkingBot.Scheduling;

/// <summary>
/// Retries completing a round whose planning or delivery failed. The core logs each failed attempt and schedules
/// the next; the guard only keeps a fault outside that (the store unreadable before the round is found) in the job.
/// One job per round, never run twice at once, and it retries from stored state, so it sends nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RoundRetryJob(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory scopes, TimeProvider time, ILogger<RoundRetryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var retry = QuartzRoundScheduler.ReadRetry(context.MergedJobDataMap, time.GetUtcNow());
        await JobGuard.RunAsync(logger, $"retry {retry.Attempt} of round {retry.RoundId}", () => ScheduledWork.RunRetryAsync(scopes, retry, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
