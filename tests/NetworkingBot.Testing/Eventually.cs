using System.Diagnostics;

namespace NetworkingBot.Testing;

/// <summary>
/// Waits for something another thread or process makes true (a socket ready, a call recorded), checking every few
/// milliseconds. The generous timeout only matters when a test fails; a passing test waits only as long as the
/// work takes. It proves that something happens, never that nothing else did: for that, wait on an explicit
/// signal (the work finished) or move a fake clock.
/// </summary>
public static class Eventually
{
    /// <summary>How long a condition gets by default: far above any passing run, even on a busy machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> otherwise.</summary>
    public static Task TrueAsync(Func<bool> condition, string what = "the condition", TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return TrueAsync(() => Task.FromResult(condition()), what, timeout);
    }

    /// <summary>As <see cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>, for a condition that has to ask asynchronously (connect, query).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what = "the condition", TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.GetTimestamp();
        var patience = timeout ?? Patience;
        while (!await condition().ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(started) > patience)
            {
                throw new TimeoutException($"Waited {patience.TotalSeconds:0.#} s in vain for {what}.");
            }

            await Task.Delay(Interval).ConfigureAwait(false);
        }
    }
}
