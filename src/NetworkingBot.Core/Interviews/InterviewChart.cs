using NetworkingBot.Core.Charts;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// The /interview stats chart, by month in UTC (the months volunteers' capacity counts in): requests made, accepted and
/// happened, and the share of the active volunteers' monthly capacity the accepted interviews used.
/// </summary>
public static class InterviewChart
{
    public const string FileName = "interview-stats.png";

    public static Chart Build(IReadOnlyList<InterviewRequest> requests, IReadOnlyList<InterviewOffer> offers, IReadOnlyList<ChartPeriod> months, string altText)
    {
        var capacity = offers.Where(o => o.Status == OfferStatus.Active).Sum(o => o.MonthlyCapacity);
        var accepted = months.Select(m => requests.Count(r => r.AcceptedAt is { } at && m.Holds(at))).ToList();
        return new Chart(
            months.Count == 1 ? "Informational interviews: this month" : $"Informational interviews: the last {months.Count} months",
            FileName,
            "Month (UTC)",
            [.. months.Select(m => m.Label)],
            [
                new ChartPanel("Requests and interviews", "Requests", ChartKind.Bars,
                [
                    new ChartSeries("Requested", months.Select(m => (double)requests.Count(r => m.Holds(r.CreatedAt))).ToList()),
                    new ChartSeries("Accepted", accepted.Select(a => (double)a).ToList()),
                    new ChartSeries("Happened", months.Select(m => (double)requests.Count(r => r.Status == RequestStatus.Met && r.AcceptedAt is { } at && m.Holds(at))).ToList()),
                ]),
                new ChartPanel($"Volunteers' capacity used (of today's {capacity} a month)", "Capacity used (%)", ChartKind.Bars,
                [
                    new ChartSeries("Accepted / capacity", accepted.Select(a => capacity == 0 ? 0 : Math.Round(100.0 * a / capacity, 1)).ToList()),
                ], Percent: true),
            ],
            altText);
    }
}
