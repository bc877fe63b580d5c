using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Hosting;
using Quartz;

namespace NetworkingBot.Scheduling;

/// <summary>The clock, Quartz with its recurring jobs, and the start-up work that runs before anything takes input.</summary>
public static class SchedulingHostingExtensions
{
    /// <summary>
    /// Makes <paramref name="clock"/> the one <see cref="TimeProvider"/> (the core, the store, the adapters and
    /// Quartz all read it): <see cref="TimeProvider.System"/> for Discord and Slack, the shell's own clock in the shell.
    /// </summary>
    public static HostApplicationBuilder AddScheduling(this HostApplicationBuilder builder, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(clock);
        var services = builder.Services;

        // The core registers the system clock only if none is there; replacing it keeps a single one.
        services.Replace(ServiceDescriptor.Singleton(clock));
        services.AddSingleton<IRoundScheduler, QuartzRoundScheduler>();
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.UseTimeProvider(clock);
            q.ScheduleJob<CatchUpJob>(t => t.WithIdentity("catch-up").StartAt(clock.GetUtcNow().AddMinutes(5))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
            q.ScheduleJob<JobLeadsJob>(t => t.WithIdentity("job-leads").StartAt(clock.GetUtcNow().AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(JobLeadsJob.Interval).RepeatForever()));
            q.ScheduleJob<DueWorkJob>(t => t.WithIdentity(DueWorkJob.Name).StartAt(clock.GetUtcNow().Add(DueWorkJob.Interval))
                .WithSimpleSchedule(s => s.WithInterval(DueWorkJob.Interval).RepeatForever()));
        });

        // Order matters: the store is migrated and rounds caught up before the scheduler fires anything.
        services.AddHostedService<StartupWork>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
