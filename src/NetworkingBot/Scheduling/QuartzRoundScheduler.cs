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
    public const string RetryGroup = "coffee-retry";
    internal const string AttemptKey = "attempt";
    internal const string SinceKey = "since";
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

    /// <summary>
    /// One trigger per round, named by its id: a retry scheduled again replaces the waiting one, and the job does not
    /// run twice at once for a round, so two retries of one round never overlap (the community lock would serialise
    /// them anyway, and the later one would find the round delivered).
    /// </summary>
    public async Task ScheduleRetryAsync(RoundRetry retry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<RoundRetryJob>().WithIdentity(retry.RoundId, RetryGroup)
            .UsingJobData(RoundIdKey, retry.RoundId)
            .UsingJobData(AttemptKey, retry.Attempt)
            .UsingJobData(SinceKey, retry.Since.ToString("O", CultureInfo.InvariantCulture))
            .Build();
        await ScheduleOnceAsync(scheduler, job, retry.At, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads back what <see cref="ScheduleRetryAsync"/> stored in a retry job.</summary>
    internal static RoundRetry ReadRetry(JobDataMap data, DateTimeOffset firedAt) => new(
        data.GetString(RoundIdKey)!,
        data.GetInt(AttemptKey),
        DateTimeOffset.Parse(data.GetString(SinceKey)!, CultureInfo.InvariantCulture),
        firedAt);

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
