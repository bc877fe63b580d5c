using ScottPlot;
using SkiaSharp;

namespace NetworkingBot.Charts;

/// <summary>
/// DejaVu Sans, shipped inside this assembly and handed to ScottPlot as its only font. A slim container has no fonts
/// and no fontconfig, and SkiaSharp would then draw every label as nothing; with the font embedded, charts read the
/// same on every machine (Fonts/LICENSE-DejaVu.txt: the Bitstream Vera licence, which allows bundling).
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<EmbeddedFonts> Instance = new(() =>
    {
        var fonts = new EmbeddedFonts(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        Fonts.FontResolvers.Insert(0, fonts);
        Fonts.Default = Family;
        return fonts;
    });

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;

    private EmbeddedFonts(SKTypeface regular, SKTypeface bold) => (_regular, _bold) = (regular, bold);

    /// <summary>Registers the font with ScottPlot once per process and returns it.</summary>
    public static EmbeddedFonts Ensure() => Instance.Value;

    public SKTypeface Typeface(bool bold) => bold ? _bold : _regular;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? Typeface(weight >= FontWeight.SemiBold) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? Typeface(bold) : null;

    private static SKTypeface Load(string file)
    {
        var name = $"NetworkingBot.Charts.Fonts.{file}";
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is missing from the assembly; check the EmbeddedResource items of NetworkingBot.Charts.csproj.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"SkiaSharp could not read the embedded font {name}.");
    }
}
