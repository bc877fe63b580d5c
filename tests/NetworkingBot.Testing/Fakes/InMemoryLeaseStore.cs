using NetworkingBot.Core.Leases;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// The lease port in memory, behind one lock, with expiry read from the given clock (a fake clock in tests, so a
/// lease expires only when the test moves time on). Share one instance between two cores to play two instances.
/// </summary>
public sealed class InMemoryLeaseStore(TimeProvider time) : ILeaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Owner, DateTimeOffset Expires)> _leases = new(StringComparer.Ordinal);

    public InMemoryLeaseStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>How many times an acquisition was refused because another owner held the lease.</summary>
    public int Refusals { get; private set; }

    /// <summary>
    /// Called with a lease's name after it was taken; a test throws from it to play a process that dies right after
    /// taking a lease, leaving it to run out by itself.
    /// </summary>
    public Action<string>? AfterAcquire { get; set; }

    public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(name, out var held) && held.Owner != owner && held.Expires > now)
            {
                Refusals++;
                return Task.FromResult(false);
            }

            _leases[name] = (owner, now + ttl);
        }

        AfterAcquire?.Invoke(name);
        return Task.FromResult(true);
    }

    public Task<bool> TryReclaimAsync(string name, string owner, string stalePrefix, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stalePrefix);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(name, out var held) && held.Owner != owner && held.Expires > now && !held.Owner.StartsWith(stalePrefix, StringComparison.Ordinal))
            {
                Refusals++;
                return Task.FromResult(false);
            }

            _leases[name] = (owner, now + ttl);
        }

        AfterAcquire?.Invoke(name);
        return Task.FromResult(true);
    }

    public Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_leases.TryGetValue(name, out var held) || held.Owner != owner || held.Expires <= now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (owner, now + ttl);
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_leases.TryGetValue(name, out var held) && held.Owner == owner && _leases.Remove(name));
        }
    }

    /// <summary>Drops a lease whoever holds it, as a store that lost its data would; its holder's next renewal fails.</summary>
    public void Erase(string name)
    {
        lock (_gate)
        {
            _leases.Remove(name);
        }
    }
}
