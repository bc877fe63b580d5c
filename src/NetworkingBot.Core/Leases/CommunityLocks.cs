using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Core.Leases;

/// <summary>
/// One lock per key (a community, "jobs:" or "interviews:" plus a community) across every instance on one store:
/// a scheduled round, the catch-up sweep and a check-in must never deliver the same round side by side, here or
/// on another instance (both would read "not sent yet" and send twice). Inside the process a semaphore queues the
/// callers; across instances a store lease (<see cref="ILeaseStore"/>) does, taken after the semaphore with an owner
/// token of its own per acquisition, renewed while held and released when the holder's <c>await using</c> ends. A crashed holder's lease runs out
/// after <see cref="LeaseTtl"/>. Callers re-read what they are about to send once the lock is held, and pass
/// <see cref="CommunityLock.Lost"/> to the work it guards: a renewal that finds the lease gone (expired during a
/// long pause, or erased with the store's data) cancels it, since another instance may now do the same work.
/// </summary>
public sealed class CommunityLocks(ILeaseStore leases, ILogger<CommunityLocks> logger, IOptions<LeaseOptions>? options = null)
{
    // "{instance id}|": the mark on every owner token of this instance, in this life and its earlier ones.
    private readonly string? _instancePrefix = string.IsNullOrEmpty(options?.Value.InstanceId) ? null : options.Value.InstanceId + "|";

    /// <summary>How long a lease outlives its last renewal: the longest a crashed instance blocks the others.</summary>
    public static readonly TimeSpan LeaseTtl = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>How often a held lease is renewed: a third of its time to live; shorter in tests, which wait for it.</summary>
    internal TimeSpan RenewEvery { get; init; } = LeaseTtl / 3;

    public async Task<CommunityLock> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var name = "lock:" + key;
            var owner = _instancePrefix + Guid.NewGuid().ToString("N");
            await WaitForLeaseAsync(name, owner, cancellationToken).ConfigureAwait(false);
            return new CommunityLock(this, gate, name, owner, cancellationToken);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    // The waits below run on the real clock, not the injected TimeProvider: they wait for another process, which
    // lives in real time, and a test's frozen fake clock must not leave a waiter stuck forever.
    private async Task WaitForLeaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        var waited = false;
        // With an instance id, a lease marked with it and held by nobody in this process (this caller holds the
        // process's semaphore for the key) was left by this instance's previous life, which crashed: take it now.
        while (!await (_instancePrefix is null
            ? leases.TryAcquireAsync(name, owner, LeaseTtl, cancellationToken)
            : leases.TryReclaimAsync(name, owner, _instancePrefix, LeaseTtl, cancellationToken)).ConfigureAwait(false))
        {
            if (!waited)
            {
                logger.LogDebug("Lease {Lease} is held by another instance; waiting for it", name);
                waited = true;
            }

            // Jitter, so two waiters on one lease do not poll in step.
            await Task.Delay(backoff * (0.5 + Random.Shared.NextDouble()), cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
        }
    }

    internal async Task RenewAsync(string name, string owner, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, stop).ConfigureAwait(false);
                try
                {
                    if (!await leases.RenewAsync(name, owner, LeaseTtl, stop).ConfigureAwait(false))
                    {
                        // Held past its expiry (a long pause, the store unreachable for a whole TTL) or erased with the
                        // store's data: another instance may now hold it, so the work it guarded stops here.
                        logger.LogWarning("Lease {Lease} was lost while held; another instance may be doing the same work, so this one stops", name);
                        await lost.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not renew lease {Lease}; trying again in {Delay}", name, RenewEvery);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Released.
        }
    }

    internal async Task ReleaseAsync(SemaphoreSlim gate, string name, string owner, Task renewing)
    {
        try
        {
            await renewing.ConfigureAwait(false);
            await leases.ReleaseAsync(name, owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not release lease {Lease}; it runs out by itself within {Ttl}", name, LeaseTtl);
        }
        finally
        {
            // Only now may the next caller in this process try, so it does not find its own predecessor's lease.
            gate.Release();
        }
    }
}
