using NetworkingBot.Core.Leases;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// One lock per community for interview steps, across instances (see <see cref="CommunityLocks"/>), under a key of
/// its own so a long round delivery never delays an Accept click. The request's version check stays the last word.
/// </summary>
public sealed class InterviewGate(CommunityLocks locks)
{
    public Task<CommunityLock> AcquireAsync(string communityId, CancellationToken cancellationToken) =>
        locks.AcquireAsync("interviews:" + communityId, cancellationToken);
}
