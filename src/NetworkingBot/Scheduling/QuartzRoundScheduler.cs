using System.Globalization;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;
using Quartz;

namespace NetworkingBot.Scheduling;

/// <summary>
/// Quartz as the clock: each program has one trigger at its next round instant (computed by the core's
/// <see cref="RoundSchedule"/> in the program's time zone, so DST is handled in one place), and each
/// delivered round one trigger at its check-in time. A trigger that fires late fires once ("fire now");
/// whether it is still worth running is the core's call (the grace period), and the slot claim makes a
/// second firing harmless.
/// </summary>
public sealed class QuartzRoundScheduler(ISchedulerFactory factory, TimeProvider time) : IRoundScheduler
{
    public const string RoundGroup = "coffee-round";
    public const string CheckInGroup = "coffee-checkin";
    internal const string CommunityKey = "community";
    internal const string SlotKey = "slot";
    internal const string RoundIdKey = "round";

    /// <summary>The trigger of a program's next round (one per program).</summary>
    public static TriggerKey RoundTrigger(string communityId) => new(communityId, RoundGroup);

    public async Task ScheduleProgramAsync(CoffeeSchedule program, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var key = new JobKey(program.CommunityId, RoundGroup);
        if (!program.Enabled)
        {
            await scheduler.DeleteJob(key, cancellationToken).ConfigureAwait(false);
            return;
        }

        var at = RoundSchedule.Next(program, time.GetUtcNow());
        var job = JobBuilder.Create<CoffeeRoundJob>().WithIdentity(key)
            .UsingJobData(CommunityKey, program.CommunityId)
            .UsingJobData(SlotKey, at.ToString("O", CultureInfo.InvariantCulture))
            .Build();
        await ScheduleOnceAsync(scheduler, job, at, cancellationToken).ConfigureAwait(false);
    }

    public async Task ScheduleCheckInAsync(Round round, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<CheckInJob>().WithIdentity(round.RoundId, CheckInGroup)
            .UsingJobData(RoundIdKey, round.RoundId)
            .Build();
        await ScheduleOnceAsync(scheduler, job, round.CheckInAt, cancellationToken).ConfigureAwait(false);
    }

    private async Task ScheduleOnceAsync(IScheduler scheduler, IJobDetail job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(job.Key.Name, job.Key.Group)
            .ForJob(job)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }
}
