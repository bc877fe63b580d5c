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
    private readonly CancellationTokenSource _guard;
    private readonly Lazy<Task> _end;

    internal CommunityLock(CommunityLocks owner, SemaphoreSlim gate, string name, string token, CancellationToken acquiredWith)
    {
        var renewing = owner.RenewAsync(name, token, _lost, _stop.Token);
        _guard = CancellationTokenSource.CreateLinkedTokenSource(acquiredWith, _lost.Token);
        _end = new Lazy<Task>(async () =>
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await owner.ReleaseAsync(gate, name, token, renewing).ConfigureAwait(false);
            _guard.Dispose();
            _stop.Dispose();
            _lost.Dispose();
        });
        Lost = _lost.Token;
        Token = _guard.Token;
    }

    /// <summary>
    /// Cancelled when a renewal finds the lease gone while held: the work it guards must stop, since another
    /// instance may have taken the lease and started the same work.
    /// </summary>
    public CancellationToken Lost { get; }

    /// <summary>
    /// The token the guarded work runs on: cancelled by the caller's token (the one it acquired with) or when the
    /// lease is <see cref="Lost"/>, so every store write and send under the lock stops with it.
    /// </summary>
    public CancellationToken Token { get; }

    public async ValueTask DisposeAsync() => await _end.Value.ConfigureAwait(false);
}
