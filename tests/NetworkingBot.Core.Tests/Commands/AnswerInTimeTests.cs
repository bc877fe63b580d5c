using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core.Commands.Timing;

namespace NetworkingBot.Core.Tests.Commands;

/// <summary>The one "answer in time or defer" helper both chat adapters use, on a fake clock with explicit signals.</summary>
public sealed class AnswerInTimeTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _clock = new();
    private readonly AnswerInTime _helper;

    public AnswerInTimeTests() => _helper = new AnswerInTime(_clock, NullLogger<AnswerInTime>.Instance);

    [Fact]
    public async Task Work_done_within_the_budget_is_answered_at_once_and_nothing_is_deferred()
    {
        var route = new Route();

        var answer = await _helper.AnswerAsync(_ => Task.FromResult("done"), Budget, route.Late, CancellationToken.None);

        Assert.Equal(new Timely<string>(true, "done"), answer);
        Assert.False(route.Deferred.Task.IsCompleted);
        Assert.False(route.Delivered.Task.IsCompleted);
        Assert.True(await _helper.DrainAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task Slow_work_is_deferred_when_the_budget_runs_out_and_delivered_after_the_deferral_once_ready()
    {
        var route = new Route();
        var work = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = _helper.AnswerAsync(_ => work.Task, Budget, route.Late, CancellationToken.None);
        Assert.False(pending.IsCompleted);
        _clock.Advance(Budget);
        var answer = await pending;

        Assert.False(answer.InTime);
        await route.Deferred.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(route.Delivered.Task.IsCompleted);
        work.SetResult("slow but sure");
        Assert.Equal("slow but sure", await route.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(route.DeferredBeforeDelivery);
    }

    [Fact]
    public async Task Work_that_fails_in_time_is_answered_with_the_polite_error()
    {
        var route = new Route();

        var answer = await _helper.AnswerAsync<string>(_ => throw new InvalidOperationException("bug"), Budget, route.Late, CancellationToken.None);

        Assert.Equal(new Timely<string>(true, "sorry: bug"), answer);
        Assert.False(route.Delivered.Task.IsCompleted);
    }

    [Fact]
    public async Task Work_that_fails_after_the_deferral_delivers_the_polite_error()
    {
        var route = new Route();
        var work = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = _helper.AnswerAsync(_ => work.Task, Budget, route.Late, CancellationToken.None);
        _clock.Advance(Budget);
        Assert.False((await pending).InTime);
        work.SetException(new TimeoutException("store"));

        Assert.Equal("sorry: store", await route.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Draining_waits_for_work_in_flight_until_it_finishes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _helper.Run(() => release.Task);

        var drain = _helper.DrainAsync(TimeSpan.FromSeconds(5));
        Assert.False(drain.IsCompleted);
        Assert.Equal(1, _helper.InFlight);
        release.SetResult();

        Assert.True(await drain.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Draining_gives_up_at_its_deadline_when_work_is_still_running()
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _helper.Run(() => never.Task);

        var drain = _helper.DrainAsync(TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(drain.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await drain.WaitAsync(TimeSpan.FromSeconds(10)));
        never.SetResult();
    }

    private sealed class Route
    {
        public TaskCompletionSource Deferred { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool DeferredBeforeDelivery { get; private set; }

        public LateRoute<string> Late => new(
            (answer, _) =>
            {
                DeferredBeforeDelivery = Deferred.Task.IsCompleted;
                Delivered.SetResult(answer);
                return Task.CompletedTask;
            },
            ex => "sorry: " + ex.Message,
            _ =>
            {
                Deferred.SetResult();
                return Task.CompletedTask;
            });
    }
}
