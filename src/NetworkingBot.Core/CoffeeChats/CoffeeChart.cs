using System.Globalization;
using NetworkingBot.Core.Charts;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>The /coffee stats chart: who took part in each of the last rounds, and how their groups did.</summary>
public static class CoffeeChart
{
    public const string FileName = "coffee-stats.png";

    /// <summary>
    /// The last <paramref name="count"/> rounds of <paramref name="figures"/>, labelled by number and date in the
    /// program's zone: members paired and sitting out, repeat pairs, and each outcome's share of the round's groups.
    /// </summary>
    public static Chart Build(IReadOnlyList<RoundFigures> figures, int count, TimeZoneInfo zone, string altText)
    {
        var shown = figures.TakeLast(count).ToList();
        var labels = shown.Select(f => string.Create(CultureInfo.InvariantCulture, $"#{f.Number} {TimeZoneInfo.ConvertTime(f.At, zone):d MMM}")).ToList();
        return new Chart(
            shown.Count == 1 ? "Coffee chats: the latest round" : $"Coffee chats: the last {shown.Count} rounds",
            FileName,
            $"Round and date ({zone.Id})",
            labels,
            [
                new ChartPanel("Who took part", "Members", ChartKind.Bars,
                [
                    new ChartSeries("Paired", shown.Select(f => (double)f.Paired).ToList()),
                    new ChartSeries("Sat out (paused or skipping)", shown.Select(f => (double)f.SatOut).ToList()),
                    new ChartSeries("Repeat pairs", shown.Select(f => (double)f.Repeats).ToList()),
                ]),
                new ChartPanel("How the groups did (check-ins)", "Share of groups (%)", ChartKind.StackedBars,
                [
                    new ChartSeries("Met", shown.Select(f => Share(f.Met, f.Groups)).ToList()),
                    new ChartSeries("Scheduled", shown.Select(f => Share(f.Scheduled, f.Groups)).ToList()),
                    new ChartSeries("Did not meet", shown.Select(f => Share(f.DidNotMeet, f.Groups)).ToList()),
                    new ChartSeries("No answer", shown.Select(f => Share(f.NoAnswer, f.Groups)).ToList()),
                ], Percent: true),
            ],
            altText);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
