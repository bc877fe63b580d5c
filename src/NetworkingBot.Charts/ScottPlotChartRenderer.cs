using NetworkingBot.Core.Charts;
using NetworkingBot.Core.Commands;
using ScottPlot;
using SkiaSharp;

namespace NetworkingBot.Charts;

/// <summary>
/// Draws the core's <see cref="Chart"/> with ScottPlot: a title band, then one plot per panel over the same categories,
/// each with its own legend, into one PNG of <see cref="Width"/> pixels. Sizes are chosen for the preview: Discord and
/// Slack show an image about 360-550 pixels wide, where these 20-30 px fonts still read at 10 px or more.
/// </summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    public const int Width = 800;
    public const int TitleHeight = 64;
    public const int PanelHeight = 440;

    /// <summary>The PNG height of a chart with <paramref name="panels"/> panels.</summary>
    public static int HeightFor(int panels) => TitleHeight + (panels * PanelHeight);

    public ReplyFile Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var fonts = EmbeddedFonts.Ensure();
        var height = HeightFor(chart.Panels.Count);
        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {Width}x{height} surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var font = new SKFont(fonts.Typeface(bold: true), 30))
        using (var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true })
        {
            canvas.DrawText(chart.Title, Width / 2f, 44, SKTextAlign.Center, font, ink);
        }

        for (var i = 0; i < chart.Panels.Count; i++)
        {
            var last = i == chart.Panels.Count - 1;
            var png = PanelPlot.Build(chart, chart.Panels[i], showCategoryLabel: last).GetImageBytes(Width, PanelHeight, ImageFormat.Png);
            using var image = SKImage.FromEncodedData(png);
            canvas.DrawImage(image, 0, TitleHeight + (i * PanelHeight));
        }

        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return new ReplyFile(chart.FileName, "image/png", data.ToArray(), chart.Title) { AltText = chart.AltText };
    }
}
