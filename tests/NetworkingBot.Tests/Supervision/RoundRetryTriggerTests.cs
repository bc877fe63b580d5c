using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;
using NetworkingBot.Scheduling;
using NetworkingBot.Testing.Fakes;
using Quartz;

namespace NetworkingBot.Tests.Supervision;

/// <summary>
/// The host's side of issue 16: a round that failed gets a Quartz trigger in <see cref="QuartzRoundScheduler.RetryGroup"/>
/// at the retry's instant, one per round, and <see cref="RoundRetryJob"/> firing it finishes the round.
/// </summary>
public sealed class RoundRetryTriggerTests : IAsyncDisposable
{
    private const string Community = "console:retry";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStore _store = new();
    private readonly FailingRoundStore _rounds;
    private readonly RecordingMessenger _messenger = new();
    private readonly ServiceProvider _services;
    private readonly StandaloneSchedulerFactory _quartz;

    public RoundRetryTriggerTests()
    {
        _rounds = new FailingRoundStore(_store);
        _quartz = QuartzSchedulerBuilder.Create(q => q.ConfigureScheduler(o => o.InstanceName = "retry-" + Guid.NewGuid().ToString("N")).UseInMemoryStore()).Build();
        _services = QuartzCore.Build(_clock, _quartz, _store, _messenger, rounds: _rounds);
    }

    [Fact]
    public async Task A_failed_pair_now_gets_a_retry_trigger_two_seconds_out_and_firing_it_delivers_the_rest_once()
    {
        var program = new CoffeeSchedule(Community, "general", DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", Cadence.Weekly, 2, 4,
            new DateOnly(2026, 3, 2), Enabled: true, UpdatedAt: _clock.GetUtcNow());
        await _store.UpsertAsync(program);
        foreach (var user in new[] { "ana", "bob", "cat", "dan" })
        {
            await _store.UpsertAsync(new Member(Community, user, user, new MemberProfile([], "UTC", CareerStage.Unspecified, LookingFor.Any, MeetingFormat.Virtual, null, Cadence.Weekly),
                MemberStatus.Active, _clock.GetUtcNow().AddDays(-30), null, false, 0, null));
        }

        _rounds.FailDeliveryRecords(1, key => key.StartsWith("intro:", StringComparison.Ordinal));
        await using (var scope = _services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<RoundService>().RunNowAsync(Community, CancellationToken.None);
            Assert.Equal(_clock.GetUtcNow().AddSeconds(2), Assert.IsType<RoundOutcome.Retrying>(outcome).NextAttempt);
        }

        var scheduler = await _quartz.GetScheduler();
        var trigger = Assert.Single(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(QuartzRoundScheduler.RetryGroup)));
        var fire = await scheduler.GetTrigger(trigger);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(2), fire!.StartTimeUtc);
        var detail = await scheduler.GetJobDetail(fire.JobKey);
        Assert.Equal(typeof(RoundRetryJob), detail!.JobType.Type);

        // What RoundRetryJob does with its firing (Quartz 4 keeps its execution context internal, so the test reads
        // the stored job as the job does and runs the same ScheduledWork call; the shell's advance does the same).
        _clock.Advance(TimeSpan.FromSeconds(2));
        var retry = QuartzRoundScheduler.ReadRetry(detail.JobDataMap, _clock.GetUtcNow());
        Assert.Equal(1, retry.Attempt);
        await ScheduledWork.RunRetryAsync(_services.GetRequiredService<IServiceScopeFactory>(), retry, CancellationToken.None);

        Assert.Equal(RoundStatus.Delivered, Assert.Single(_store.RoundsOf(Community)).Status);
        Assert.Single(_messenger.ChannelPosts);
        Assert.All(new[] { "ana", "bob", "cat", "dan" }, u => Assert.Single(_messenger.DirectTo(u)));
    }

    [Fact]
    public async Task Scheduling_a_round_s_retry_again_replaces_the_waiting_one()
    {
        var scheduler = _services.GetRequiredService<IRoundScheduler>();
        var since = _clock.GetUtcNow();

        await scheduler.ScheduleRetryAsync(new RoundRetry("r1", 1, since, since.AddSeconds(2)));
        await scheduler.ScheduleRetryAsync(new RoundRetry("r1", 2, since, since.AddSeconds(6)));

        var quartz = await _quartz.GetScheduler();
        var key = Assert.Single(await quartz.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(QuartzRoundScheduler.RetryGroup)));
        Assert.Equal(since.AddSeconds(6), (await quartz.GetTrigger(key))!.StartTimeUtc);
        var read = QuartzRoundScheduler.ReadRetry((await quartz.GetJobDetail(new JobKey("r1", QuartzRoundScheduler.RetryGroup)))!.JobDataMap, since.AddSeconds(6));
        Assert.Equal(new RoundRetry("r1", 2, since, since.AddSeconds(6)), read);
    }

    public async ValueTask DisposeAsync()
    {
        var scheduler = await _quartz.GetScheduler();
        await scheduler.Shutdown();
        await _services.DisposeAsync();
    }
}
