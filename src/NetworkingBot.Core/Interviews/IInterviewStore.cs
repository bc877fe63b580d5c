namespace NetworkingBot.Core.Interviews;

/// <summary>Informational interviews: offers, requests and the network log they feed. Every store passes the same contract suite.</summary>
public interface IInterviewStore
{
    Task<InterviewOffer?> GetOfferAsync(string communityId, string userId, CancellationToken cancellationToken = default);

    /// <summary>All offers of a community, stopped ones included, ordered by user id.</summary>
    Task<IReadOnlyList<InterviewOffer>> ListOffersAsync(string communityId, CancellationToken cancellationToken = default);

    Task UpsertOfferAsync(InterviewOffer offer, CancellationToken cancellationToken = default);

    /// <summary>Removes the offer; returns false when there was none.</summary>
    Task<bool> DeleteOfferAsync(string communityId, string userId, CancellationToken cancellationToken = default);

    Task<InterviewRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>All requests of a community, ordered by creation time then id.</summary>
    Task<IReadOnlyList<InterviewRequest>> ListRequestsAsync(string communityId, CancellationToken cancellationToken = default);

    /// <summary>Adds a new request; returns false (and changes nothing) when its id exists.</summary>
    Task<bool> AddRequestAsync(InterviewRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="updated"/> only if the stored version is <c>updated.Version - 1</c>; returns whether it
    /// did. This is what makes each step (a timeout, a click) happen once even with several bot instances.
    /// </summary>
    Task<bool> TryUpdateRequestAsync(InterviewRequest updated, CancellationToken cancellationToken = default);

    /// <summary>Removes a request; returns false when there was none.</summary>
    Task<bool> DeleteRequestAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Requests of every community whose <see cref="InterviewRequest.DueAt"/> is at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<InterviewRequest>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The earliest <see cref="InterviewRequest.DueAt"/> of all requests, or null when nothing is scheduled.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a meeting; a second entry with the same community, user and source id is ignored.</summary>
    Task AddNetworkEntryAsync(NetworkEntry entry, CancellationToken cancellationToken = default);

    /// <summary>A member's network log, oldest first.</summary>
    Task<IReadOnlyList<NetworkEntry>> ListNetworkAsync(string communityId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a member's own network log; returns how many entries went.</summary>
    Task<int> DeleteNetworkAsync(string communityId, string userId, CancellationToken cancellationToken = default);
}
