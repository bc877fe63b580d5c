using System.Globalization;
using NetworkingBot.Core.Charts;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Interviews.Handlers;

/// <summary>
/// /interview stats: requests, how many were accepted and happened, and volunteers' capacity this month; with a chart
/// of the last months (<c>months:</c>, 12 by default) when the host draws charts.
/// </summary>
public sealed class InterviewStatsHandler(IInterviewStore store, TimeProvider time, IChartRenderer? charts = null) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("interview", "stats", "requests, accepted, happened, volunteers' capacity; a chart of the last months",
        [new OptionSpec("months", $"how many recent months the chart shows (1-{ChartReplies.MaxPeriods}, default {ChartReplies.DefaultPeriods})", Kind: OptionKind.Number)],
        OrganiserOnly: true);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (count, error) = ChartReplies.Periods(request, "months");
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        var now = time.GetUtcNow();
        var requests = await store.ListRequestsAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var offers = await store.ListOffersAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var active = offers.Where(o => o.Status == OfferStatus.Active).ToList();
        var capacity = active.Sum(o => o.MonthlyCapacity);
        var used = active.Sum(o => InterviewMatcher.AcceptedThisMonth(o.UserId, requests, now));
        var accepted = requests.Count(r => r.AcceptedAt is not null);
        var happened = requests.Count(r => r.Status == RequestStatus.Met);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Interview stats: {requests.Count} request{(requests.Count == 1 ? "" : "s")} ({requests.Count(r => r.IsOpen)} open); {accepted} accepted, {happened} happened.\nVolunteers: {active.Count} active of {offers.Count}; this month they have accepted {used} of {capacity} interviews they offer.");
        if (requests.Count == 0 && offers.Count == 0)
        {
            return CommandResult.Ok(summary);
        }

        return ChartReplies.With(summary, charts, InterviewChart.Build(requests, offers, ChartPeriods.Months(now, TimeZoneInfo.Utc, count), summary));
    }
}
