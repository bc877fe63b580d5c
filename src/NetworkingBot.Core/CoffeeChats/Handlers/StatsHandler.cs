using System.Globalization;
using NetworkingBot.Core.Charts;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>
/// /coffee stats: participation, rounds, how many groups met, and how well repeats were avoided; with a chart of the
/// last rounds (<c>rounds:</c>, 12 by default) and one of the network program by month when the host draws charts.
/// </summary>
public sealed class StatsHandler(
    IMemberStore members, IRoundStore rounds, ICoffeeScheduleStore programs, INetworkStore network, TimeProvider time, IChartRenderer? charts = null) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "stats", "participation, rounds, share of groups that met, repeats; a chart of the last rounds",
        [new OptionSpec("rounds", $"how many recent rounds the chart shows (1-{ChartReplies.MaxPeriods}, default {ChartReplies.DefaultPeriods})", Kind: OptionKind.Number)],
        OrganiserOnly: true);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (count, error) = ChartReplies.Periods(request, "rounds");
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        var now = time.GetUtcNow();
        var all = await members.ListAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var active = all.Count(m => m.Status == MemberStatus.Active);
        var paused = all.Count(m => m.Status == MemberStatus.Active && m.IsPausedAt(now));
        var history = (await rounds.ListAsync(context.CommunityId, 5000, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status != RoundStatus.Claimed && r.Groups.Count > 0)
            .ToList();
        var figures = await RoundFigures.ForAsync(history, all, rounds, cancellationToken).ConfigureAwait(false);

        int groups = figures.Sum(f => f.Groups), met = figures.Sum(f => f.Met), pairs = figures.Sum(f => f.Pairs), repeats = figures.Sum(f => f.Repeats);
        var answered = groups - figures.Sum(f => f.NoAnswer);
        var share = groups == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * met / groups)}%");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Coffee chat stats: {CoffeeTexts.Count(active, "member")} ({paused} paused, {all.Count - active} left); {figures.Count} round{(figures.Count == 1 ? "" : "s")}, {groups} group{(groups == 1 ? "" : "s")}.\nGroups that met: {met} of {groups} ({share}); groups that answered a check-in: {answered}.\nRepeat pairs: {repeats} of {pairs} pairs were people who had met before through the bot.");
        if (figures.Count == 0)
        {
            return CommandResult.Ok(summary);
        }

        var program = await programs.GetAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var zone = Scheduling.RoundSchedule.Zone(program?.TimeZone ?? "UTC");
        if (charts is null)
        {
            return CommandResult.Ok(summary);
        }

        // The network figures go by month: as many months as the rounds shown span, at least three.
        var shownSince = figures.TakeLast(count).First().At;
        var months = Math.Clamp((int)Math.Ceiling((now - shownSince).TotalDays / 30.4) + 1, 3, ChartReplies.MaxPeriods);
        var networkChart = await NetworkChart.BuildAsync(network, context.CommunityId, all, ChartPeriods.Months(now, zone, months), zone, summary, cancellationToken).ConfigureAwait(false);
        return ChartReplies.With(summary, charts, CoffeeChart.Build(figures, count, zone, summary), networkChart);
    }
}
