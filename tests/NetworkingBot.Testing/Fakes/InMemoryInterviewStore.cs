using NetworkingBot.Core.Interviews;

namespace NetworkingBot.Testing.Fakes;

/// <summary>The interview store port in memory, behind one lock, following the port's XML docs (the contract suite checks it).</summary>
public sealed class InMemoryInterviewStore : IInterviewStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Community, string User), InterviewOffer> _offers = [];
    private readonly Dictionary<string, InterviewRequest> _requests = new(StringComparer.Ordinal);
    private readonly List<NetworkEntry> _network = [];

    public Task<InterviewOffer?> GetOfferAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_offers.GetValueOrDefault((communityId, userId)));
        }
    }

    public Task<IReadOnlyList<InterviewOffer>> ListOffersAsync(string communityId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<InterviewOffer> list = _offers.Values.Where(o => o.CommunityId == communityId).OrderBy(o => o.UserId, StringComparer.Ordinal).ToList();
            return Task.FromResult(list);
        }
    }

    public Task UpsertOfferAsync(InterviewOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        lock (_gate)
        {
            _offers[(offer.CommunityId, offer.UserId)] = offer;
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteOfferAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_offers.Remove((communityId, userId)));
        }
    }

    public Task<InterviewRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_requests.GetValueOrDefault(requestId));
        }
    }

    public Task<IReadOnlyList<InterviewRequest>> ListRequestsAsync(string communityId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<InterviewRequest> list = _requests.Values.Where(r => r.CommunityId == communityId)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.RequestId, StringComparer.Ordinal).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<bool> AddRequestAsync(InterviewRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            return Task.FromResult(_requests.TryAdd(request.RequestId, request));
        }
    }

    public Task<bool> TryUpdateRequestAsync(InterviewRequest updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        lock (_gate)
        {
            if (!_requests.TryGetValue(updated.RequestId, out var stored) || stored.Version != updated.Version - 1)
            {
                return Task.FromResult(false);
            }

            _requests[updated.RequestId] = updated;
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_requests.Remove(requestId));
        }
    }

    public Task<IReadOnlyList<InterviewRequest>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<InterviewRequest> list = _requests.Values.Where(r => r.DueAt <= now)
                .OrderBy(r => r.DueAt).ThenBy(r => r.RequestId, StringComparer.Ordinal).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_requests.Values.Where(r => r.DueAt is not null).Select(r => r.DueAt).Min());
        }
    }

    public Task AddNetworkEntryAsync(NetworkEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (!_network.Any(e => e.CommunityId == entry.CommunityId && e.UserId == entry.UserId && e.SourceId == entry.SourceId))
            {
                _network.Add(entry);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NetworkEntry>> ListNetworkAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<NetworkEntry> list = _network.Where(e => e.CommunityId == communityId && e.UserId == userId).OrderBy(e => e.At).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<int> DeleteNetworkAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_network.RemoveAll(e => e.CommunityId == communityId && e.UserId == userId));
        }
    }
}
