namespace NetworkingBot.Core.Leases;

/// <summary>
/// A lock held through <see cref="CommunityLocks"/>, given back by <c>await using</c>: disposal ends the renewals
/// and waits until the lease is released and the semaphore opened, so a unit of work (a command, a job run) has
/// finished its store writes when it returns.
/// </summary>
public sealed class CommunityLock : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Lazy<Task> _end;

    internal CommunityLock(CommunityLocks owner, SemaphoreSlim gate, string name, string token)
    {
        var renewing = owner.RenewAsync(name, token, _lost, _stop.Token);
        _end = new Lazy<Task>(async () =>
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await owner.ReleaseAsync(gate, name, token, renewing).ConfigureAwait(false);
            _stop.Dispose();
            _lost.Dispose();
        });
        Lost = _lost.Token;
    }

    /// <summary>
    /// Cancelled when a renewal finds the lease gone while held: the work it guards must stop, since another
    /// instance may have taken the lease and started the same work.
    /// </summary>
    public CancellationToken Lost { get; }

    public async ValueTask DisposeAsync() => await _end.Value.ConfigureAwait(false);
}
