namespace NetworkingBot.Core.Leases;

/// <summary>
/// Named leases held in the shared store, so that several instances on one store can take turns: whoever holds
/// a lease does the work it names, and a crashed holder's lease runs out by itself after its time to live.
/// An owner is an opaque token the caller makes unique per acquisition.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="owner"/> until <paramref name="ttl"/> from now. True when
    /// the lease was free or expired, or already held by <paramref name="owner"/> (then its expiry is extended);
    /// false while another owner holds it.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the lease to <paramref name="ttl"/> from now if <paramref name="owner"/> still holds it; false when it
    /// expired or another owner has it (it is never taken over by a renewal).
    /// </summary>
    Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the lease like <see cref="TryAcquireAsync"/>, and also when its holder's token starts with
    /// <paramref name="stalePrefix"/> (never empty): a lease this same instance took in an earlier life, whose process
    /// is known to be dead because an instance id runs in one process at a time. A store that cannot compare holders
    /// only acquires, so the stale lease then runs out by itself.
    /// </summary>
    Task<bool> TryReclaimAsync(string name, string owner, string stalePrefix, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        TryAcquireAsync(name, owner, ttl, cancellationToken);

    /// <summary>Frees the lease if <paramref name="owner"/> holds it; true when it did. Another owner's lease stays.</summary>
    Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default);
}
