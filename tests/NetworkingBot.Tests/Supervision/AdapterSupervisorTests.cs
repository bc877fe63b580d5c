using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core;
using NetworkingBot.Hosting;
using static NetworkingBot.Tests.Supervision.ScriptedAdapter.Step;

namespace NetworkingBot.Tests.Supervision;

/// <summary>The supervisor on its own, with scripted adapters and fake time: restarts, backoff, stops for good, exit code.</summary>
public sealed class AdapterSupervisorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly WaitableLogger<AdapterSupervisor> _log = new();
    private readonly List<int> _exitCodes = [];

    [Fact]
    public async Task A_faulted_adapter_is_restarted_after_a_doubling_backoff_with_one_line_per_attempt()
    {
        var adapter = new ScriptedAdapter(Throw, Throw, RunUntilStopped);
        using var lifetime = new TestLifetime();
        var supervisor = Supervise(lifetime, ("Discord", adapter));
        await supervisor.StartAsync(CancellationToken.None);

        await adapter.WaitForRunAsync(1);
        adapter.Proceed.TrySetResult();
        var first = await _log.WaitForAsync(e => e.Level == LogLevel.Error);
        Assert.Equal("The Discord adapter failed (InvalidOperationException: run 1 broke); restarting it in 00:00:01 (attempt 1)", first.Message);

        // The restart waits for its delay on the injected clock, not a moment less.
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, adapter.Runs);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await adapter.WaitForRunAsync(2);

        adapter.Proceed.TrySetResult();
        var second = await _log.WaitForAsync(e => e.Level == LogLevel.Error, count: 2);
        Assert.EndsWith("restarting it in 00:00:02 (attempt 2)", second.Message, StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Equal(2, adapter.Runs);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await adapter.WaitForRunAsync(3);

        Assert.Equal(2, _log.Entries.Count(e => e.Level >= LogLevel.Warning));
        Assert.False(lifetime.StopRequested);
        await supervisor.StopAsync(CancellationToken.None);
        Assert.Equal(1, adapter.StopCalls);
        Assert.Empty(_exitCodes);
    }

    [Fact]
    public async Task A_run_that_lasted_a_healthy_while_starts_the_backoff_over()
    {
        var adapter = new ScriptedAdapter(Throw, Throw, Throw, RunUntilStopped);
        using var lifetime = new TestLifetime();
        var supervisor = Supervise(lifetime, ("Slack", adapter));
        await supervisor.StartAsync(CancellationToken.None);

        await adapter.WaitForRunAsync(1);
        adapter.Proceed.TrySetResult();
        await _log.WaitForAsync(e => e.Level == LogLevel.Error);
        _time.Advance(TimeSpan.FromSeconds(1));
        await adapter.WaitForRunAsync(2);

        // Run 2 works for five minutes before it fails: its fault is a first one again.
        _time.Advance(new SupervisionSettings().HealthyRun);
        adapter.Proceed.TrySetResult();
        var second = await _log.WaitForAsync(e => e.Level == LogLevel.Error, count: 2);
        Assert.EndsWith("restarting it in 00:00:01 (attempt 1)", second.Message, StringComparison.Ordinal);

        await supervisor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task One_adapter_stopping_for_good_leaves_the_others_running_and_the_host_up()
    {
        var discord = new ScriptedAdapter(StopForGood);
        var slack = new ScriptedAdapter(RunUntilStopped);
        using var lifetime = new TestLifetime();
        var supervisor = Supervise(lifetime, ("Discord", discord), ("Slack", slack));
        await supervisor.StartAsync(CancellationToken.None);

        await discord.WaitForRunAsync(1);
        await slack.WaitForRunAsync(1);
        discord.Proceed.TrySetResult();
        await supervisor.StoppedForGood("Discord").WaitAsync(TimeSpan.FromSeconds(10));

        var line = Assert.Single(_log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal("The Discord adapter has stopped for good (the line above says why); 1 other adapter(s) keep running", line.Message);
        Assert.False(lifetime.StopRequested);
        Assert.Empty(_exitCodes);
        Assert.False(slack.ExecuteTask!.IsCompleted);

        // Stopped for good means no restart, however long the host runs on.
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, discord.Runs);
        await supervisor.StopAsync(CancellationToken.None);
        Assert.True(slack.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task When_every_adapter_has_stopped_for_good_the_host_stops_with_the_documented_exit_code()
    {
        var discord = new ScriptedAdapter(StopForGood);
        var slack = new ScriptedAdapter(Throw, StopForGood);
        using var lifetime = new TestLifetime();
        var supervisor = Supervise(lifetime, ("Discord", discord), ("Slack", slack));
        await supervisor.StartAsync(CancellationToken.None);

        await discord.WaitForRunAsync(1);
        discord.Proceed.TrySetResult();
        await supervisor.StoppedForGood("Discord").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(lifetime.StopRequested);

        // A fault is not a stop: Slack is restarted, and only its stop for good ends the process.
        await slack.WaitForRunAsync(1);
        slack.Proceed.TrySetResult();
        await _log.WaitForAsync(e => e.Level == LogLevel.Error);
        Assert.False(lifetime.StopRequested);
        _time.Advance(TimeSpan.FromSeconds(1));
        await slack.WaitForRunAsync(2);
        slack.Proceed.TrySetResult();
        await supervisor.StoppedForGood("Slack").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(lifetime.StopRequested);
        Assert.Equal([ExitCodes.AdaptersStopped], _exitCodes);
        Assert.Equal(4, ExitCodes.AdaptersStopped);
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Critical && e.Message.EndsWith("exiting with code 4", StringComparison.Ordinal));
        await supervisor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Nothing_starts_before_the_host_has_started()
    {
        var adapter = new ScriptedAdapter(RunUntilStopped);
        using var notStarted = new NotStartedLifetime();
        var supervisor = new AdapterSupervisor([new SupervisedAdapter("Discord", adapter)], notStarted, _time, _log, setExitCode: _exitCodes.Add);
        await supervisor.StartAsync(CancellationToken.None);

        // Stopping before the start completes: the adapter never ran, and the supervisor ends cleanly.
        await supervisor.StopAsync(CancellationToken.None);
        Assert.Equal(0, adapter.Runs);
        Assert.True(supervisor.ExecuteTask!.IsCompleted);
    }

    private AdapterSupervisor Supervise(TestLifetime lifetime, params (string Name, ScriptedAdapter Adapter)[] adapters) =>
        new([.. adapters.Select(a => new SupervisedAdapter(a.Name, a.Adapter))], lifetime, _time, _log, setExitCode: _exitCodes.Add);

    private sealed class NotStartedLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _never = new();

        public CancellationToken ApplicationStarted => _never.Token;

        public CancellationToken ApplicationStopping => _never.Token;

        public CancellationToken ApplicationStopped => _never.Token;

        public void StopApplication()
        {
        }

        public void Dispose() => _never.Dispose();
    }
}
