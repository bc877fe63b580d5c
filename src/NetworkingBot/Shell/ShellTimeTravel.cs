using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Scheduling;
using Quartz;

namespace NetworkingBot.Shell;

/// <summary>
/// "advance 4d" in the shell: moves the clock forward and, in time order, fires every Quartz trigger that
/// falls due on the way, each at its own instant, exactly as the scheduler would have if those days had
/// really passed, and the programs' stored due steps (<see cref="DueWork"/>) at theirs. The scheduler is held
/// in standby meanwhile so nothing fires twice.
/// </summary>
public sealed class ShellTimeTravel(ShellClock clock, ISchedulerFactory factory, IServiceScopeFactory scopes)
{
    public async Task<int> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        var target = clock.GetUtcNow() + by;
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var wasStarted = scheduler.Status == SchedulerStatus.Running;
        await scheduler.Standby(cancellationToken).ConfigureAwait(false);
        var fired = 0;
        try
        {
            DateTimeOffset? ran = null;
            while (true)
            {
                var due = await NextDueAsync(scheduler, target, cancellationToken).ConfigureAwait(false);
                // Programs' stored due steps (interview timeouts, nudges) run at their own instants too.
                if (await DueWork.NextAsync(scopes, cancellationToken).ConfigureAwait(false) is { } stored && stored <= target && stored != ran && (due is null || stored < due.Value.At))
                {
                    // "ran" guards against a step that could not move its own due time: run it once, not forever.
                    ran = stored;
                    clock.AdvanceTo(stored);
                    await DueWork.RunAllAsync(scopes, cancellationToken).ConfigureAwait(false);
                    fired++;
                    continue;
                }

                if (due is null)
                {
                    break;
                }

                clock.AdvanceTo(due.Value.At);
                await scheduler.UnscheduleJob(due.Value.Trigger.Key, cancellationToken).ConfigureAwait(false);
                await FireAsync(due.Value.Job, cancellationToken).ConfigureAwait(false);
                fired++;
            }

            clock.AdvanceTo(target);

            // Job-lead digests and expiry are computed from stored state, so one sweep at the end catches up on everything due.
            await JobLeadsJob.RunAsync(scopes, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (wasStarted)
            {
                await scheduler.Start(cancellationToken).ConfigureAwait(false);
            }
        }

        return fired;
    }

    private async Task FireAsync(IJobDetail job, CancellationToken cancellationToken)
    {
        var data = job.JobDataMap;
        if (job.Key.Group == QuartzRoundScheduler.RoundGroup)
        {
            var slot = DateTimeOffset.Parse(data.GetString(QuartzRoundScheduler.SlotKey)!, CultureInfo.InvariantCulture);
            await ScheduledWork.RunRoundAsync(scopes, data.GetString(QuartzRoundScheduler.CommunityKey)!, slot, cancellationToken).ConfigureAwait(false);
        }
        else if (job.Key.Group == QuartzRoundScheduler.RetryGroup)
        {
            await ScheduledWork.RunRetryAsync(scopes, QuartzRoundScheduler.ReadRetry(data, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        else if (job.Key.Group == QuartzRoundScheduler.CheckInGroup)
        {
            await ScheduledWork.RunCheckInAsync(scopes, data.GetString(QuartzRoundScheduler.RoundIdKey)!, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(TriggerHeader Trigger, IJobDetail Job, DateTimeOffset At)?> NextDueAsync(IScheduler scheduler, DateTimeOffset target, CancellationToken cancellationToken)
    {
        (TriggerHeader, IJobDetail, DateTimeOffset)? best = null;
        foreach (var group in new[] { QuartzRoundScheduler.RoundGroup, QuartzRoundScheduler.RetryGroup, QuartzRoundScheduler.CheckInGroup })
        {
            var page = await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(group), NextFireTimeBefore = target.AddTicks(1) }, cancellationToken).ConfigureAwait(false);
            foreach (var trigger in page.Items)
            {
                if (trigger.NextFireTimeUtc is { } at && at <= target && (best is null || at < best.Value.Item3)
                    && await scheduler.GetJobDetail(trigger.JobKey, cancellationToken).ConfigureAwait(false) is { } job)
                {
                    best = (trigger, job, at);
                }
            }
        }

        return best;
    }
}
