using System.Globalization;

namespace NetworkingBot.Core.Settings;

/// <summary>
/// One wrong setting: its name (<c>Coffee:MissedRoundGrace</c>), what is wrong with the value, the form it takes,
/// and how to fix it. <see cref="ToString"/> is the one line an operator reads at start.
/// </summary>
public sealed record SettingProblem(string Setting, string Problem, string Expected, string Fix)
{
    /// <summary>A value of the wrong form or out of range; the fix names both ways to set it, with an example.</summary>
    public static SettingProblem Of(string setting, object? value, string expected, string example) =>
        new(setting, $"is {Show(value)}", expected, FixBy(setting, example));

    /// <summary>"Set Coffee__MissedRoundGrace=12:00:00 (or --Coffee:MissedRoundGrace=12:00:00) ...".</summary>
    public static string FixBy(string setting, string example)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var variable = setting.Replace(":", "__", StringComparison.Ordinal);
        return $"Set {variable}={example} (or --{setting}={example}), or remove it for the default; appsettings.example.json describes every setting.";
    }

    /// <summary>How a value is shown in a message: text quoted, the rest in invariant form.</summary>
    public static string Show(object? value) => value switch
    {
        null => "empty",
        string s => $"\"{s}\"",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public override string ToString() => $"{Setting} {Problem}; expected {Expected}. {Fix}";
}
