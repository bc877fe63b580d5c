using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// The job-leads side of <see cref="IUsefulLeadFinder"/>: a lead matches an interest when one of its tags is that
/// interest, or its title holds the interest as whole words ("metadata" matches "Metadata Librarian", "data" does not).
/// Only open leads whose expiry is still ahead count, since the expiry sweep may not have run yet.
/// </summary>
public sealed class UsefulLeadFinder(IJobLeadStore store, TimeProvider time) : IUsefulLeadFinder
{
    public async Task<UsefulLead?> FindAsync(
        string communityId, IReadOnlyList<string> interests, IReadOnlyCollection<string> sharedByNeither, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interests);
        ArgumentNullException.ThrowIfNull(sharedByNeither);
        var wanted = interests.Select(JobLeadKeys.Text).Where(i => i.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var leads = await store.ListLeadsAsync(communityId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false);
        var lead = leads
            .Where(l => l.IsOpen && l.ExpiresAt > now && !sharedByNeither.Contains(l.SharerId) && Matches(l, wanted))
            .OrderByDescending(l => l.SharedAt)
            .ThenByDescending(l => l.Number)
            .FirstOrDefault();
        return lead is null ? null : new UsefulLead(lead.Number, lead.Title, lead.Employer, $"/job show lead:{lead.Number}");
    }

    private static bool Matches(JobLead lead, HashSet<string> interests)
    {
        if (lead.Tags.Any(t => interests.Contains(JobLeadKeys.Text(t))))
        {
            return true;
        }

        // Padded with spaces so an interest matches whole words only.
        var title = " " + JobLeadKeys.Text(lead.Title) + " ";
        return interests.Any(i => title.Contains(" " + i + " ", StringComparison.Ordinal));
    }
}
