using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Core.Commands.Timing;

/// <summary>
/// "Answer within the time budget, else defer": both chat platforms give a few seconds for the first answer. Work that
/// finishes (or fails) within the budget is answered at once; slower work is deferred (Discord's type 5, Slack's plain
/// ack) and its answer delivered when it is ready. Every piece of deferred or background work is tracked, so shutdown
/// can wait for it with a deadline instead of cutting answers off. Each adapter owns one instance, so draining one
/// platform never waits on another's work.
/// </summary>
public sealed class AnswerInTime(TimeProvider time, ILogger<AnswerInTime> logger)
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>How many pieces of work are still running in the background.</summary>
    public int InFlight => _running.Count;

    /// <summary>
    /// Starts <paramref name="work"/> beside the caller and waits at most <paramref name="budget"/> for it. In time, the
    /// answer comes back in a <see cref="Timely{T}"/> with <c>InTime</c> set and nothing else happens; a fault becomes
    /// the route's polite answer. Too slow: the route's <see cref="LateRoute{T}.Defer"/> runs first, then the answer is
    /// delivered through <see cref="LateRoute{T}.Deliver"/>, in the background and tracked for <see cref="DrainAsync"/>.
    /// </summary>
    public async Task<Timely<T>> AnswerAsync<T>(Func<CancellationToken, Task<T>> work, TimeSpan budget, LateRoute<T> late, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(late);

        // Task.Run: a handler that blocks before its first await must not hold the caller past its budget.
        var running = Task.Run(() => work(cancellationToken), CancellationToken.None);
        if (budget > TimeSpan.Zero && !running.IsCompleted)
        {
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var window = Task.Delay(budget, time, stopWaiting.Token);
            await Task.WhenAny(running, window).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
        }

        if (running.IsCompleted)
        {
            return new Timely<T>(true, Outcome(running, late));
        }

        Run(async () =>
        {
            if (late.Defer is { } defer)
            {
                await defer(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await running.ConfigureAwait(false);
            }
            catch (Exception) when (running.IsFaulted || running.IsCanceled)
            {
                // Observed here; Outcome turns it into the polite answer.
            }

            await late.Deliver(Outcome(running, late), cancellationToken).ConfigureAwait(false);
        });
        return new Timely<T>(false, default);
    }

    /// <summary>Runs <paramref name="work"/> in the background, tracked: a failure is logged, never an unobserved task.</summary>
    public void Run(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                logger.LogInformation("A late answer was cancelled by shutdown");
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A late answer could not be delivered");
            }
        }, CancellationToken.None);
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Waits for the work in flight, at most <paramref name="deadline"/> on the injected clock. True when everything
    /// finished; false when the deadline came first (the rest is left to the caller's cancellation).
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan deadline)
    {
        var all = Task.WhenAll(_running.Keys);
        using var cancel = new CancellationTokenSource();
        var first = await Task.WhenAny(all, Task.Delay(deadline, time, cancel.Token)).ConfigureAwait(false);
        await cancel.CancelAsync().ConfigureAwait(false);
        return first == all;
    }

    private T Outcome<T>(Task<T> finished, LateRoute<T> late)
    {
        if (finished.IsCompletedSuccessfully)
        {
            return finished.Result;
        }

        var fault = finished.Exception?.GetBaseException() ?? new OperationCanceledException();
        logger.LogError(fault, "Work behind an answer failed; answering with an apology");
        return late.OnFault(fault);
    }
}

/// <summary>
/// Where a slow answer goes: <see cref="Defer"/> (optional) tells the platform to wait, <see cref="Deliver"/> sends the
/// answer once it is ready, and <see cref="OnFault"/> turns a failure into the polite answer a person reads.
/// </summary>
public sealed record LateRoute<T>(Func<T, CancellationToken, Task> Deliver, Func<Exception, T> OnFault, Func<CancellationToken, Task>? Defer = null);

/// <summary>The answer when it came in time (<see cref="InTime"/>), or nothing because it was deferred.</summary>
public readonly record struct Timely<T>(bool InTime, T? Value);
