using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace NetworkingBot.Tests.Supervision;

/// <summary>
/// A stand-in for a platform adapter: each run does the next step of its script (throw, return = stopped for good,
/// or run until stopped) and announces that it started, so a test can wait for run n.
/// </summary>
internal sealed class ScriptedAdapter(params ScriptedAdapter.Step[] script) : BackgroundService
{
    private readonly Channel<int> _starts = Channel.CreateUnbounded<int>();
    private int _runs;

    /// <summary>What one run does.</summary>
    public enum Step
    {
        Throw,
        StopForGood,
        RunUntilStopped,
    }

    public int Runs => Volatile.Read(ref _runs);

    public int StopCalls { get; private set; }

    /// <summary>Lets the current run end the way its step says (runs that throw or stop wait for this first).</summary>
    public TaskCompletionSource Proceed { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until run number <paramref name="run"/> (from 1) has started.</summary>
    public async Task WaitForRunAsync(int run)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Runs < run)
        {
            await _starts.Reader.ReadAsync(deadline.Token);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        StopCalls++;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var run = Interlocked.Increment(ref _runs);
        var proceed = Proceed;
        await _starts.Writer.WriteAsync(run, stoppingToken);
        var step = script[Math.Min(run, script.Length) - 1];
        if (step == Step.RunUntilStopped)
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
            return;
        }

        await proceed.Task.WaitAsync(stoppingToken);
        Proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (step == Step.Throw)
        {
            throw new InvalidOperationException($"run {run} broke");
        }
    }
}
