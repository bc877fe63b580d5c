namespace NetworkingBot.Core;

/// <summary>
/// The process exit codes, in one place, so an operator's supervisor (systemd, Docker, a script) can tell a
/// setting to fix from a crash. The host returns them, <see cref="AdaptersStopped"/> through its adapter supervisor.
/// </summary>
public static class ExitCodes
{
    /// <summary>Ran and stopped normally (end of a script, <c>quit</c>, a stop signal).</summary>
    public const int Ok = 0;

    /// <summary>The command line was wrong (a flag without its value, an unknown migrate direction, a missing script).</summary>
    public const int Usage = 2;

    /// <summary>A setting could not be read or is out of range, or the store it names cannot be opened.</summary>
    public const int BadSetting = 3;

    /// <summary>
    /// Every configured adapter stopped for good (Discord or Slack refused its token, or intents are not allowed):
    /// restarting cannot help until the setting is changed. One adapter stopping alone leaves the others running.
    /// </summary>
    public const int AdaptersStopped = 4;
}
