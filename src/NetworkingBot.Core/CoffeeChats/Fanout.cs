using System.Runtime.ExceptionServices;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Runs independent sends with at most a given number in flight. The first failure stops new sends from starting but
/// lets those in flight finish, so a fault (a store outage, a platform error) leaves no send cut off mid-call whose
/// outcome the resume would then have to look up; the failure is rethrown once they are done. Unlike
/// <c>Parallel.ForEachAsync</c>, it never cancels the sends already running.
/// </summary>
internal static class Fanout
{
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> sends, int inFlight, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        var next = -1;
        ExceptionDispatchInfo? failure = null;

        async Task WorkAsync()
        {
            while (Volatile.Read(ref failure) is null)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= sends.Count)
                {
                    return;
                }

                try
                {
                    await sends[index](cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null);
                    return;
                }
            }
        }

        // Started in place, not on the pool: sends that complete synchronously (the shell, in-memory fakes) then run one
        // after another in the round's order, and only real I/O interleaves.
        var workers = Enumerable.Range(0, Math.Min(inFlight, sends.Count)).Select(_ => WorkAsync()).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        failure?.Throw();
    }
}
