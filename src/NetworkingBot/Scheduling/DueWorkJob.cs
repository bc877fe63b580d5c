using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using Quartz;

namespace NetworkingBot.Scheduling;

/// <summary>
/// Every minute: runs the programs' stored due steps (interview timeouts, follow-ups, nudges). The due times
/// live in the store, not in Quartz, so a restart loses nothing and a step missed while down runs at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DueWorkJob(IServiceScopeFactory scopes, ILogger<DueWorkJob> logger) : IJob
{
    public const string Name = "due-work";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        JobGuard.RunAsync(logger, "due work", () => DueWork.RunAllAsync(scopes, cancellationToken), cancellationToken);
}

/// <summary>The few lines shared by <see cref="DueWorkJob"/> and the shell's "advance".</summary>
public static class DueWork
{
    public static async Task RunAllAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var work in scope.ServiceProvider.GetServices<IDueWork>())
        {
            await work.RunDueAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The earliest stored due instant of any program, or null.</summary>
    public static async Task<DateTimeOffset?> NextAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        DateTimeOffset? next = null;
        foreach (var work in scope.ServiceProvider.GetServices<IDueWork>())
        {
            if (await work.NextDueAsync(cancellationToken).ConfigureAwait(false) is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }
}
