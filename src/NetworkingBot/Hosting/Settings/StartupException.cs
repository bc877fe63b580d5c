using Microsoft.Extensions.Options;
using NetworkingBot.Core.Settings;

namespace NetworkingBot.Hosting.Settings;

/// <summary>
/// The one error that stops the bot at start because of something the operator sets: a setting that cannot be
/// read or breaks a rule, or a store the settings name that cannot be opened. Program.cs prints its message as
/// one line and exits with <see cref="Core.ExitCodes.BadSetting"/>; anything else is a bug and keeps its trace.
/// </summary>
public sealed class StartupException : Exception
{
    private const string SeeExample = "appsettings.example.json describes every setting and its form";

    public StartupException(SettingProblem problem, Exception? inner = null)
        : base(problem?.ToString(), inner)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Setting = problem.Setting;
        Expected = problem.Expected;
        Fix = problem.Fix;
    }

    private StartupException(string setting, string line, Exception inner)
        : base(line, inner)
    {
        Setting = setting;
        Expected = SeeExample;
        Fix = SeeExample;
    }

    /// <summary>The setting to change, e.g. <c>Coffee:MissedRoundGrace</c> or <c>State:Sqlite:Path</c>.</summary>
    public string Setting { get; }

    /// <summary>The form the value takes, e.g. "a time span such as 12:00:00".</summary>
    public string Expected { get; }

    /// <summary>What the operator does about it.</summary>
    public string Fix { get; }

    /// <summary>
    /// A rule an adapter registered with <c>Validate(...)</c> (Discord, Slack, the stores): its failure text names
    /// the setting already, so it is kept whole; <paramref name="section"/> is the options' section.
    /// </summary>
    public static StartupException FromValidation(string section, OptionsValidationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failure = exception.Failures.FirstOrDefault() ?? exception.Message;
        return new StartupException(section, $"{failure.TrimEnd('.')} ({SeeExample}).", exception);
    }
}
