using NetworkingBot.Core.JobLeads;

namespace NetworkingBot.Testing.Fakes;

/// <summary><see cref="IJobLeadStore"/> in memory behind one lock, following the port's XML docs; passes the job-lead contract suite.</summary>
public sealed class InMemoryJobLeadStore : IJobLeadStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JobBoard> _boards = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Community, int Number), JobLead> _leads = [];
    private readonly Dictionary<(string Community, string User), JobSubscription> _subscriptions = [];
    private readonly HashSet<(string Community, string User, int Number)> _deliveries = [];

    public Task<JobBoard?> GetBoardAsync(string communityId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_boards.GetValueOrDefault(communityId));
        }
    }

    public Task<IReadOnlyList<JobBoard>> ListBoardsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<JobBoard>>(_boards.Values.OrderBy(b => b.CommunityId, StringComparer.Ordinal).ToList());
        }
    }

    public Task UpsertBoardAsync(JobBoard board, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _boards[board.CommunityId] = board;
        }

        return Task.CompletedTask;
    }

    public Task<JobLead> AddLeadAsync(JobLead lead, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var number = _leads.Keys.Where(k => k.Community == lead.CommunityId).Select(k => k.Number).DefaultIfEmpty(0).Max() + 1;
            var stored = lead with { Number = number };
            _leads[(lead.CommunityId, number)] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task UpdateLeadAsync(JobLead lead, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_leads.TryGetValue((lead.CommunityId, lead.Number), out var old))
            {
                _leads[(lead.CommunityId, lead.Number)] = old with { Status = lead.Status, ClosedAt = lead.ClosedAt, ClosedBy = lead.ClosedBy, PostRef = lead.PostRef };
            }
        }

        return Task.CompletedTask;
    }

    public Task<JobLead?> GetLeadAsync(string communityId, int number, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_leads.GetValueOrDefault((communityId, number)));
        }
    }

    public Task<IReadOnlyList<JobLead>> ListLeadsAsync(string communityId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<JobLead>>(_leads.Values
                .Where(l => l.CommunityId == communityId && l.SharedAt >= since)
                .OrderByDescending(l => l.SharedAt).ThenByDescending(l => l.Number).ToList());
        }
    }

    public Task<JobSubscription?> GetSubscriptionAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_subscriptions.GetValueOrDefault((communityId, userId)));
        }
    }

    public async Task<IReadOnlyList<JobSubscription>> ListSubscriptionsAsync(string communityId, JobLeadDelivery delivery, CancellationToken cancellationToken = default) =>
        [.. (await ListSubscriptionsAsync(communityId, cancellationToken)).Where(s => s.Delivery == delivery)];

    public Task<IReadOnlyList<JobSubscription>> ListSubscriptionsAsync(string communityId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<JobSubscription>>(_subscriptions.Values
                .Where(s => s.CommunityId == communityId).OrderBy(s => s.UserId, StringComparer.Ordinal).ToList());
        }
    }

    public Task UpsertSubscriptionAsync(JobSubscription subscription, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _subscriptions[(subscription.CommunityId, subscription.UserId)] = subscription;
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteSubscriptionAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_subscriptions.Remove((communityId, userId)));
        }
    }

    public Task<bool> TryRecordDeliveryAsync(string communityId, string userId, int number, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_deliveries.Add((communityId, userId, number)));
        }
    }

    public Task<IReadOnlySet<int>> GetDeliveriesAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlySet<int>>(_deliveries.Where(d => d.Community == communityId && d.User == userId).Select(d => d.Number).ToHashSet());
        }
    }

    public Task<int> ForgetUserAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var changed = _subscriptions.Remove((communityId, userId)) ? 1 : 0;
            changed += _deliveries.RemoveWhere(d => d.Community == communityId && d.User == userId);
            foreach (var lead in _leads.Values.Where(l => l.CommunityId == communityId && l.SharerId == userId).ToList())
            {
                _leads[(communityId, lead.Number)] = lead with { SharerId = "", SharerName = "", Anonymous = true, ClosedBy = lead.ClosedBy == userId ? null : lead.ClosedBy };
                changed++;
            }

            return Task.FromResult(changed);
        }
    }
}
