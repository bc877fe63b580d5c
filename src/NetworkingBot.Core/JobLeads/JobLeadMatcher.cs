namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// Which subscriptions a lead matches. Pure and allocation-light, because it runs over every subscriber of a
/// community each time a lead is shared (benchmarked with 10,000 subscribers in bench/NetworkingBot.JobBenchmarks).
/// </summary>
public static class JobLeadMatcher
{
    /// <summary>Subscribers who should hear of <paramref name="lead"/>: matching, and never its sharer.</summary>
    public static IReadOnlyList<JobSubscription> Matches(JobLead lead, IEnumerable<JobSubscription> subscriptions)
    {
        var words = LocationWordsOf(lead);
        var tags = lead.Tags.ToHashSet(StringComparer.Ordinal);
        return subscriptions.Where(s => s.UserId != lead.SharerId && IsMatch(lead, tags, words, s)).ToList();
    }

    public static bool IsMatch(JobLead lead, JobSubscription subscription) =>
        subscription.UserId != lead.SharerId && IsMatch(lead, lead.Tags.ToHashSet(StringComparer.Ordinal), LocationWordsOf(lead), subscription);

    /// <summary>The lead's location as lower-case words, plus "remote" for a remote lead.</summary>
    public static HashSet<string> LocationWordsOf(JobLead lead)
    {
        var words = Words(lead.Location ?? "").ToHashSet(StringComparer.Ordinal);
        if (lead.Remote)
        {
            words.Add("remote");
        }

        return words;
    }

    /// <summary>Splits location text into the words a subscription names ("Kansas City, MO" → kansas, city, mo).</summary>
    public static IEnumerable<string> Words(string text) =>
        JobLeadKeys.Text(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsMatch(JobLead lead, HashSet<string> tags, HashSet<string> words, JobSubscription s) =>
        (s.Types.Count == 0 || s.Types.Contains(lead.Type))
        && (s.Tags.Count == 0 || s.Tags.Any(tags.Contains))
        && (s.LocationWords.Count == 0 || s.LocationWords.Any(words.Contains));
}
