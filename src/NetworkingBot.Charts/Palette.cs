using ScottPlot;

namespace NetworkingBot.Charts;

/// <summary>
/// The Okabe-Ito colours, chosen to stay distinct for the common kinds of colour blindness; series take them in
/// order. Yellow and black are left out: yellow vanishes on white and black reads as an axis.
/// </summary>
internal static class Palette
{
    private static readonly Color[] Colors =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#D55E00"), // vermillion
    ];

    public static int Count => Colors.Length;

    public static Color Of(int series) => Colors[series % Colors.Length];
}
