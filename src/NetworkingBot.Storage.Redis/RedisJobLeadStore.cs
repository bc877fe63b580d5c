using System.Globalization;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// Job boards (one hash) and leads (a hash each, numbered by a counter per community, indexed by share time).
/// Adding a lead takes its number and writes it in one script, so two instances never share a number.
/// Subscriptions, deliveries and forget-me are in <c>RedisJobLeadStore.Subscriptions.cs</c>.
/// </summary>
internal sealed partial class RedisJobLeadStore(IRedisDatabase db) : IJobLeadStore
{
    public async Task<JobBoard?> GetBoardAsync(string communityId, CancellationToken cancellationToken = default) =>
        await db.HashGetAsync(RedisKeys.JobBoards, communityId, cancellationToken).ConfigureAwait(false) is { } json
            ? RedisJson.Read<JobBoard>(json)
            : null;

    public async Task<IReadOnlyList<JobBoard>> ListBoardsAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.HashGetAllAsync(RedisKeys.JobBoards, cancellationToken).ConfigureAwait(false);
        return all.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => RedisJson.Read<JobBoard>(e.Value)).ToList();
    }

    public Task UpsertBoardAsync(JobBoard board, CancellationToken cancellationToken = default) =>
        db.HashSetAsync(RedisKeys.JobBoards, [new(board.CommunityId, RedisJson.Write(board))], cancellationToken);

    public async Task<JobLead> AddLeadAsync(JobLead lead, CancellationToken cancellationToken = default)
    {
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.AddLead,
            [RedisKeys.JobLeadCount(lead.CommunityId), RedisKeys.JobLeadAdds(lead.CommunityId), RedisKeys.JobLeadsByTime(lead.CommunityId)],
            [
                CallToken.New(), db.KeyPrefix + RedisKeys.JobLeadPrefix, ":" + lead.CommunityId, LeadFields.TimePrefix(lead.SharedAt),
                .. LeadFields.ForAdd(lead).SelectMany(p => new[] { p.Key, p.Value }),
            ],
            cancellationToken).ConfigureAwait(false);
        return lead with { Number = checked((int)result.AsInt64()) };
    }

    public Task UpdateLeadAsync(JobLead lead, CancellationToken cancellationToken = default) =>
        db.ScriptEvaluateAsync(
            RedisScripts.UpdateLead,
            [RedisKeys.JobLead(lead.CommunityId, lead.Number)],
            LeadFields.ForUpdate(lead).SelectMany(p => new[] { p.Key, p.Value }).ToList(),
            cancellationToken);

    public async Task<JobLead?> GetLeadAsync(string communityId, int number, CancellationToken cancellationToken = default) =>
        LeadFields.Read(number, await db.HashGetAllAsync(RedisKeys.JobLead(communityId, number), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<JobLead>> ListLeadsAsync(string communityId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var members = await db.SortedSetRangeByValueAsync(
            RedisKeys.JobLeadsByTime(communityId), "[" + LeadFields.TimePrefix(since), "+", descending: true, cancellationToken).ConfigureAwait(false);
        var numbers = members.Select(m => int.Parse(m.AsSpan(m.IndexOf(':', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture)).ToList();
        var leads = await Task.WhenAll(numbers.Select(n => GetLeadAsync(communityId, n, cancellationToken))).ConfigureAwait(false);
        return leads.OfType<JobLead>().OrderByDescending(l => l.SharedAt).ThenByDescending(l => l.Number).ToList();
    }
}
