using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using Quartz;

namespace NetworkingBot.Scheduling;

/// <summary>Fires a program's scheduled round, then schedules the one after it.</summary>
[DisallowConcurrentExecution]
public sealed class CoffeeRoundJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var community = context.MergedJobDataMap.GetString(QuartzRoundScheduler.CommunityKey)!;
        var slot = DateTimeOffset.Parse(context.MergedJobDataMap.GetString(QuartzRoundScheduler.SlotKey)!, CultureInfo.InvariantCulture);
        await ScheduledWork.RunRoundAsync(scopes, community, slot, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Fires a round's check-in.</summary>
public sealed class CheckInJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var roundId = context.MergedJobDataMap.GetString(QuartzRoundScheduler.RoundIdKey)!;
        await ScheduledWork.RunCheckInAsync(scopes, roundId, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Every few minutes: resumes interrupted deliveries and runs a missed slot still within the grace period.</summary>
[DisallowConcurrentExecution]
public sealed class CatchUpJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoundService>().CatchUpAsync(cancellationToken).ConfigureAwait(false);
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
            if (await services.GetRequiredService<IProgramStore>().GetAsync(communityId, cancellationToken).ConfigureAwait(false) is { } program)
            {
                await services.GetRequiredService<IRoundScheduler>().ScheduleProgramAsync(program, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static async Task RunCheckInAsync(IServiceScopeFactory scopes, string roundId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CheckInService>().SendAsync(roundId, cancellationToken).ConfigureAwait(false);
    }
}
