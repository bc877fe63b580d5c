using NetworkingBot.Core.Charts;
using ScottPlot;

namespace NetworkingBot.Charts;

/// <summary>One panel of a chart as a ScottPlot plot: bars side by side, stacked bars, or lines, over the chart's categories.</summary>
internal static class PanelPlot
{
    private const float TickSize = 20;
    private const float LabelSize = 22;
    private const float PanelTitleSize = 24;
    private const int SlantAbove = 6;

    public static Plot Build(Chart chart, ChartPanel panel, bool showCategoryLabel)
    {
        var plot = new Plot();
        plot.Font.Set(EmbeddedFonts.Family);
        plot.Title(panel.Title, PanelTitleSize);
        plot.YLabel(panel.ValueLabel, LabelSize);
        if (showCategoryLabel)
        {
            plot.XLabel(chart.CategoryLabel, LabelSize);
        }

        var n = chart.Categories.Count;
        switch (panel.Kind)
        {
            case ChartKind.Bars:
                AddSideBySide(plot, panel.Series, n);
                break;
            case ChartKind.StackedBars:
                AddStacked(plot, panel.Series, n);
                break;
            default:
                AddLines(plot, panel.Series, n);
                break;
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, n).Select(i => (double)i)], [.. chart.Categories]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (n > SlantAbove)
        {
            // Many categories do not fit side by side at a legible size, so their labels slant.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = showCategoryLabel ? 140 : 105;
        }

        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;

        // A share can pass 100% (more interviews accepted than today's capacity), so the axis grows with it.
        var top = panel.Percent ? (Top(panel) > 100 ? Top(panel) * 1.05 : 100) : Math.Max(1, Top(panel) * 1.15);
        plot.Axes.SetLimits(-0.6, n - 0.4, 0, top);
        plot.Axes.Left.MinimumSize = 70; // room for the first slanted category label beside the value ticks
        if (!panel.Percent)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }

        // A single series is named by the panel's title; a legend would only take room from the plot.
        if (panel.Series.Count > 1)
        {
            foreach (var (series, index) in panel.Series.Select((s, i) => (s, i)))
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = series.Name, FillColor = Palette.Of(index), LineColor = Palette.Of(index), LineWidth = panel.Kind == ChartKind.Lines ? 3 : 0 });
            }

            plot.Legend.FontSize = TickSize;
            plot.ShowLegend(Edge.Bottom);
        }

        return plot;
    }

    private static double Top(ChartPanel panel) => panel.Kind == ChartKind.StackedBars
        ? Enumerable.Range(0, panel.Series.Count == 0 ? 0 : panel.Series[0].Values.Count).Select(i => panel.Series.Sum(s => s.Values[i])).DefaultIfEmpty(0).Max()
        : panel.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();

    private static void AddSideBySide(Plot plot, IReadOnlyList<ChartSeries> series, int n)
    {
        var width = 0.8 / Math.Max(1, series.Count);
        var bars = new List<Bar>();
        for (var s = 0; s < series.Count; s++)
        {
            for (var i = 0; i < n; i++)
            {
                bars.Add(new Bar { Position = i + ((s - ((series.Count - 1) / 2.0)) * width), Value = series[s].Values[i], Size = width * 0.92, FillColor = Palette.Of(s), LineWidth = 0 });
            }
        }

        plot.Add.Bars(bars);
    }

    private static void AddStacked(Plot plot, IReadOnlyList<ChartSeries> series, int n)
    {
        var bars = new List<Bar>();
        for (var i = 0; i < n; i++)
        {
            var bottom = 0.0;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[i];
                bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + value, Size = 0.7, FillColor = Palette.Of(s), LineWidth = 0 });
                bottom += value;
            }
        }

        plot.Add.Bars(bars);
    }

    private static void AddLines(Plot plot, IReadOnlyList<ChartSeries> series, int n)
    {
        var xs = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        for (var s = 0; s < series.Count; s++)
        {
            var line = plot.Add.Scatter(xs, [.. series[s].Values]);
            line.Color = Palette.Of(s);
            line.LineWidth = 3;
            line.MarkerSize = 8;
        }
    }
}
