using System.Collections.Concurrent;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// One lock per community for round work inside this process: a scheduled round, the catch-up sweep and a
/// check-in must never deliver the same round side by side (both would read "not sent yet" and send twice).
/// Across instances the store's claims and delivery records do that job.
/// </summary>
public sealed class CommunityLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string communityId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(communityId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
