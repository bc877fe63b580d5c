using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> as an image file for a reply. A port so the core holds no drawing code and no native
/// graphics library: the host registers one (ScottPlot, in NetworkingBot.Charts); without one, stats answer in text.
/// </summary>
public interface IChartRenderer
{
    ReplyFile Render(Chart chart);
}
