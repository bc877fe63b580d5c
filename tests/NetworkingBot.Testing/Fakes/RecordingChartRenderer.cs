using System.Text;
using NetworkingBot.Core.Charts;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// Keeps every chart the core asks for, so a test reads its data (not its pixels), and returns a small text file
/// naming it in place of an image.
/// </summary>
public sealed class RecordingChartRenderer : IChartRenderer
{
    private readonly List<Chart> _charts = [];

    public IReadOnlyList<Chart> Charts
    {
        get
        {
            lock (_charts)
            {
                return [.. _charts];
            }
        }
    }

    public ReplyFile Render(Chart chart)
    {
        lock (_charts)
        {
            _charts.Add(chart);
        }

        return new ReplyFile(chart.FileName, "text/plain", Encoding.UTF8.GetBytes(chart.Title), chart.Title) { AltText = chart.AltText };
    }
}
