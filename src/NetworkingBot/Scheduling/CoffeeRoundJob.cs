using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.CoffeeChats;
using Quartz;

namespace NetworkingBot.Scheduling;

/// <summary>
/// Fires a program's scheduled round, then schedules the one after it. A failure is one log line: the catch-up
/// resumes the round, and re-arms the program's trigger should scheduling the next round have failed too.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CoffeeRoundJob(IServiceScopeFactory scopes, ILogger<CoffeeRoundJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var community = context.MergedJobDataMap.GetString(QuartzRoundScheduler.CommunityKey)!;
        var slot = DateTimeOffset.Parse(context.MergedJobDataMap.GetString(QuartzRoundScheduler.SlotKey)!, CultureInfo.InvariantCulture);
        await JobGuard.RunAsync(logger, $"round of {community}", () => ScheduledWork.RunRoundAsync(scopes, community, slot, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Fires a round's check-in; after a failure the catch-up arms it again.</summary>
public sealed class CheckInJob(IServiceScopeFactory scopes, ILogger<CheckInJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var roundId = context.MergedJobDataMap.GetString(QuartzRoundScheduler.RoundIdKey)!;
        await JobGuard.RunAsync(logger, $"check-in of {roundId}", () => ScheduledWork.RunCheckInAsync(scopes, roundId, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Every few minutes: resumes interrupted deliveries, runs a missed slot still within the grace period, and
/// re-arms any enabled program left without a round trigger (its last firing failed to schedule the next).
/// </summary>
[DisallowConcurrentExecution]
public sealed class CatchUpJob(IServiceScopeFactory scopes, ILogger<CatchUpJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        RunAsync(context.Scheduler, cancellationToken);

    /// <summary>One firing on <paramref name="scheduler"/> (the one running the job); each part fails alone.</summary>
    internal async ValueTask RunAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await JobGuard.RunAsync(logger, "catch-up", () => CatchUpAsync(scopes, cancellationToken), cancellationToken).ConfigureAwait(false);
        await JobGuard.RunAsync(logger, "re-arming of round triggers", () => RearmAsync(scheduler, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    internal static async Task CatchUpAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoundService>().CatchUpAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RearmAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        foreach (var program in await services.GetRequiredService<ICoffeeScheduleStore>().ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (program.Enabled && await scheduler.GetTrigger(QuartzRoundScheduler.RoundTrigger(program.CommunityId), cancellationToken).ConfigureAwait(false) is null)
            {
                logger.LogWarning("The coffee-chat program of {Community} had no round scheduled; scheduling its next round", program.CommunityId);
                await services.GetRequiredService<IRoundScheduler>().ScheduleProgramAsync(program, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>The few lines a scheduled firing does, shared by the Quartz jobs and the shell's "advance".</summary>
public static class ScheduledWork
{
    public static async Task RunRoundAsync(IServiceScopeFactory scopes, string communityId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            await services.GetRequiredService<RoundService>().RunScheduledAsync(communityId, slot, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Even a failed round must not stop the schedule; the catch-up job resumes the failed delivery.
            if (await services.GetRequiredService<ICoffeeScheduleStore>().GetAsync(communityId, cancellationToken).ConfigureAwait(false) is { } program)
            {
                await services.GetRequiredService<IRoundScheduler>().ScheduleProgramAsync(program, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static async Task RunRetryAsync(IServiceScopeFactory scopes, RoundRetry retry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoundCompletion>().RetryAsync(retry, cancellationToken).ConfigureAwait(false);
    }

    public static async Task RunCheckInAsync(IServiceScopeFactory scopes, string roundId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CheckInService>().SendAsync(roundId, cancellationToken).ConfigureAwait(false);
    }
}
