using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;
using NetworkingBot.Scheduling;
using NetworkingBot.Testing.Fakes;
using Quartz;

namespace NetworkingBot.Tests.Supervision;

/// <summary>
/// The Quartz jobs against the real core, an in-memory store and a real (unstarted) Quartz scheduler: nothing a
/// firing throws escapes its job, the operator reads one line, and the next firing does the work.
/// </summary>
public sealed class ScheduledJobFailureTests : IAsyncDisposable
{
    private const string Community = "console:jobs";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStore _store = new();
    private readonly FlakyCoffeeScheduleStore _programs;
    private readonly ServiceProvider _services;
    private readonly StandaloneSchedulerFactory _quartz;

    public ScheduledJobFailureTests()
    {
        _programs = new FlakyCoffeeScheduleStore(_store);
        _quartz = QuartzSchedulerBuilder.Create(q => q.ConfigureScheduler(o => o.InstanceName = "jobs-" + Guid.NewGuid().ToString("N")).UseInMemoryStore()).Build();
        _services = QuartzCore.Build(_clock, _quartz, _store, new RecordingMessenger(), schedules: _programs);
    }

    [Fact]
    public async Task A_failing_catch_up_is_one_log_line_and_the_next_firing_runs_it()
    {
        var log = new WaitableLogger<CatchUpJob>();
        var job = new CatchUpJob(_services.GetRequiredService<IServiceScopeFactory>(), log);
        var scheduler = await _quartz.GetScheduler();
        _programs.FailReads = 1;

        await job.RunAsync(scheduler, CancellationToken.None);

        Assert.True(log.Entries.Count(e => e.Level >= LogLevel.Warning) == 1, string.Join("\n", log.Entries));
        var line = Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Equal("Scheduled catch-up failed (InvalidOperationException: the store is unreachable); it is tried again at its next firing", line.Message);

        // The next firing: the store answers, and both the catch-up and the re-arming read it.
        var readsBefore = _programs.Reads;
        await job.RunAsync(scheduler, CancellationToken.None);
        Assert.Equal(readsBefore + 2, _programs.Reads);
        Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task An_enabled_program_left_without_a_round_trigger_is_rearmed_at_the_next_catch_up()
    {
        // As after a round whose firing could not schedule the next one (the store failed in its finally).
        var program = new CoffeeSchedule(Community, "general", DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", Cadence.Weekly, 2, 4,
            new DateOnly(2026, 3, 2), Enabled: true, UpdatedAt: _clock.GetUtcNow());
        var paused = program with { CommunityId = "console:paused", Enabled = false };
        await _store.UpsertAsync(program);
        await _store.UpsertAsync(paused);
        var scheduler = await _quartz.GetScheduler();
        Assert.Null(await scheduler.GetTrigger(QuartzRoundScheduler.RoundTrigger(Community)));
        var log = new WaitableLogger<CatchUpJob>();

        await new CatchUpJob(_services.GetRequiredService<IServiceScopeFactory>(), log).RunAsync(scheduler, CancellationToken.None);

        var trigger = await scheduler.GetTrigger(QuartzRoundScheduler.RoundTrigger(Community));
        Assert.True(trigger is not null, string.Join("\n", log.Entries));
        Assert.Equal(RoundSchedule.Next(program, _clock.GetUtcNow()), trigger.StartTimeUtc);
        Assert.Null(await scheduler.GetTrigger(QuartzRoundScheduler.RoundTrigger(paused.CommunityId)));
        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(Community, StringComparison.Ordinal));

        // A program that has its trigger is left alone.
        await new CatchUpJob(_services.GetRequiredService<IServiceScopeFactory>(), log).RunAsync(scheduler, CancellationToken.None);
        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_failing_due_work_or_job_leads_sweep_never_escapes_its_job()
    {
        var scopes = new ThrowingScopes();
        var dueLog = new WaitableLogger<DueWorkJob>();
        var leadsLog = new WaitableLogger<JobLeadsJob>();

        await new DueWorkJob(scopes, dueLog).Execute(null!, CancellationToken.None);
        await new JobLeadsJob(scopes, _clock, leadsLog).Execute(null!, CancellationToken.None);

        Assert.Equal("Scheduled due work failed (InvalidOperationException: no scope today); it is tried again at its next firing", Assert.Single(dueLog.Entries, e => e.Level >= LogLevel.Warning).Message);
        Assert.StartsWith("Scheduled job-leads sweep failed", Assert.Single(leadsLog.Entries, e => e.Level >= LogLevel.Warning).Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        var scheduler = await _quartz.GetScheduler();
        await scheduler.Shutdown();
        await _services.DisposeAsync();
    }

    private sealed class ThrowingScopes : IServiceScopeFactory
    {
        public IServiceScope CreateScope() => throw new InvalidOperationException("no scope today");
    }
}
