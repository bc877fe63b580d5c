using System.Globalization;
using NetworkingBot.Core.Charts;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>
/// /job stats: leads shared, by type, the share of unposted heads-ups, how they closed, and subscriptions; with a chart
/// of the last weeks (<c>weeks:</c>, 12 by default) in the board's time zone when the host draws charts.
/// </summary>
public sealed class JobStatsHandler(IJobLeadStore store, TimeProvider time, IChartRenderer? charts = null) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("job", "stats", "leads shared, by type, unposted share, subscriptions; a chart of the last weeks",
        [new OptionSpec("weeks", $"how many recent weeks the chart shows (1-{ChartReplies.MaxPeriods}, default {ChartReplies.DefaultPeriods})", Kind: OptionKind.Number)],
        OrganiserOnly: true);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (count, error) = ChartReplies.Periods(request, "weeks");
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        var leads = await store.ListLeadsAsync(context.CommunityId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false);
        var subscriptions = await store.ListSubscriptionsAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var byType = leads.GroupBy(l => l.Type).OrderBy(g => g.Key).Select(g => $"{JobTypes.Name(g.Key)} {g.Count()}");
        var byStatus = leads.GroupBy(l => l.Status).OrderBy(g => g.Key).Select(g => $"{JobTexts.StatusWord(g.Key)} {g.Count()}");
        var unposted = leads.Count(l => l.Unposted);
        var share = leads.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * unposted / leads.Count)}%");
        var instant = subscriptions.Count(s => s.Delivery == JobLeadDelivery.Instant);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Job lead stats: {leads.Count} lead{(leads.Count == 1 ? "" : "s")} shared ({string.Join(", ", byStatus.DefaultIfEmpty("none"))}).\nBy type: {string.Join(", ", byType.DefaultIfEmpty("none"))}.\nUnposted heads-ups: {unposted} of {leads.Count} ({share}).\nSubscriptions: {subscriptions.Count} ({instant} instant, {subscriptions.Count - instant} daily).");
        if (leads.Count == 0 && subscriptions.Count == 0)
        {
            return CommandResult.Ok(summary);
        }

        var board = await store.GetBoardAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var zone = Scheduling.RoundSchedule.Zone(board?.TimeZone ?? "UTC");
        var weeks = ChartPeriods.Weeks(time.GetUtcNow(), zone, count);
        return ChartReplies.With(summary, charts, JobChart.Build(leads, subscriptions, weeks, zone, summary));
    }
}
