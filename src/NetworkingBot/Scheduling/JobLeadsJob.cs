using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.JobLeads;
using Quartz;

namespace NetworkingBot.Scheduling;

/// <summary>
/// Every few minutes: job-lead expiry, members' daily digests and the weekly channel digests. What is due is
/// computed from stored state by the core, so a late, missed or repeated firing sends nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class JobLeadsJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobLeadsJob> logger) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        JobGuard.RunAsync(logger, "job-leads sweep", () => RunAsync(scopes, time.GetUtcNow(), cancellationToken), cancellationToken);

    /// <summary>One sweep in its own scope; shared with the shell's "advance".</summary>
    public static async Task RunAsync(IServiceScopeFactory scopes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobSchedule>().ProcessDueAsync(now, cancellationToken).ConfigureAwait(false);
    }
}
