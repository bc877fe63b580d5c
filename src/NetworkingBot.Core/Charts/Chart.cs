namespace NetworkingBot.Core.Charts;

/// <summary>How a panel draws its series.</summary>
public enum ChartKind
{
    /// <summary>Bars side by side in each category, one per series.</summary>
    Bars,

    /// <summary>One bar per category, the series stacked on each other (parts of a whole).</summary>
    StackedBars,

    /// <summary>A line per series across the categories.</summary>
    Lines,
}

/// <summary>One named row of values, one value per category of its chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>One plot of a chart, with its own title, value axis and series; <see cref="Percent"/> reads values as 0-100.</summary>
public sealed record ChartPanel(string Title, string ValueLabel, ChartKind Kind, IReadOnlyList<ChartSeries> Series, bool Percent = false);

/// <summary>
/// A chart the core wants drawn, as data: panels stacked one above the other over the same categories (rounds, weeks,
/// months, already written in the community's time zone). <see cref="AltText"/> is the stats' text summary, kept with
/// the image for screen readers. The core builds charts; an <see cref="IChartRenderer"/> in the host draws them.
/// </summary>
public sealed record Chart(string Title, string FileName, string CategoryLabel, IReadOnlyList<string> Categories, IReadOnlyList<ChartPanel> Panels, string AltText);
