using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// One lock per community for interview steps in this process, separate from the coffee-round lock so a long
/// round delivery never delays an Accept click. Across processes the request's version check does this job.
/// </summary>
public sealed class InterviewGate
{
    private readonly CommunityLocks _locks = new();

    public Task<IDisposable> AcquireAsync(string communityId, CancellationToken cancellationToken) =>
        _locks.AcquireAsync(communityId, cancellationToken);
}
