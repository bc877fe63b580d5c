using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Charts;

/// <summary>A stats answer: the text summary, with the charts as files when a renderer is registered.</summary>
public static class ChartReplies
{
    /// <summary>How many rounds, weeks or months a stats chart covers unless the organiser asks for another number.</summary>
    public const int DefaultPeriods = 12;

    public const int MaxPeriods = 52;

    public static CommandResult With(string summary, IChartRenderer? renderer, params Chart[] charts) =>
        new Reply(summary, []) { Files = renderer is null ? [] : charts.Select(renderer.Render).ToList() };

    /// <summary>
    /// Reads the option <paramref name="option"/> (<c>rounds:</c>, <c>weeks:</c>, <c>months:</c>): absent means
    /// <see cref="DefaultPeriods"/>; anything but a whole number from 1 to <see cref="MaxPeriods"/> is refused.
    /// </summary>
    public static (int Count, UserError? Error) Periods(CommandRequest request, string option)
    {
        var raw = request.Option(option);
        if (raw is null)
        {
            return (DefaultPeriods, null);
        }

        return int.TryParse(raw.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPeriods
            ? (n, null)
            : (0, new UserError($"invalid_{option}", $"`{option}` must be a whole number from 1 to {MaxPeriods}, e.g. `{option}:12`; you gave \"{raw}\"."));
    }
}
