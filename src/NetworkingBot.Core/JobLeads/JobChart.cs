using NetworkingBot.Core.Charts;

namespace NetworkingBot.Core.JobLeads;

/// <summary>The /job stats chart: leads shared per week by type, the unposted share, and subscriptions over time.</summary>
public static class JobChart
{
    public const string FileName = "job-stats.png";

    public static Chart Build(IReadOnlyList<JobLead> leads, IReadOnlyList<JobSubscription> subscriptions, IReadOnlyList<ChartPeriod> weeks, TimeZoneInfo zone, string altText)
    {
        var byType = Enum.GetValues<JobType>()
            .Where(type => leads.Any(l => l.Type == type && weeks.Any(w => w.Holds(l.SharedAt))))
            .Select(type => new ChartSeries(JobTypes.Name(type), weeks.Select(w => (double)leads.Count(l => l.Type == type && w.Holds(l.SharedAt))).ToList()))
            .ToList();
        var unposted = weeks.Select(w =>
        {
            var shared = leads.Where(l => w.Holds(l.SharedAt)).ToList();
            return shared.Count == 0 ? 0 : Math.Round(100.0 * shared.Count(l => l.Unposted) / shared.Count, 1);
        }).ToList();

        // Subscriptions still held that had been made by the end of each week (a cancelled one is gone from the store).
        var held = weeks.Select(w => (double)subscriptions.Count(s => s.CreatedAt < w.End)).ToList();
        return new Chart(
            weeks.Count == 1 ? "Job leads: this week" : $"Job leads: the last {weeks.Count} weeks",
            FileName,
            $"Week starting ({zone.Id})",
            [.. weeks.Select(w => w.Label)],
            [
                new ChartPanel("Leads shared, by type", "Leads", ChartKind.StackedBars, byType.Count > 0 ? byType : [new ChartSeries("leads", [.. weeks.Select(_ => 0.0)])]),
                new ChartPanel("Unposted heads-ups", "Share of leads (%)", ChartKind.Bars, [new ChartSeries("Unposted", unposted)], Percent: true),
                new ChartPanel("Subscriptions", "Subscribers", ChartKind.Lines, [new ChartSeries("Subscribed at week's end", held)]),
            ],
            altText);
    }
}
