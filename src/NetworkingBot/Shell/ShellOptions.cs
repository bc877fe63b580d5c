namespace NetworkingBot.Shell;

/// <summary>The console shell's settings (section "Shell").</summary>
public sealed class ShellOptions
{
    public const string Section = "Shell";

    /// <summary>Simulated users who have organiser rights.</summary>
    public List<string> Organizers { get; set; } = [];

    /// <summary>The community the shell plays; its id starts with "console:".</summary>
    public string Community { get; set; } = "console:local";

    /// <summary>The channel commands are typed in.</summary>
    public string Channel { get; set; } = "general";

    /// <summary>Optional fixed start for the shell clock (ISO 8601), so a script sees the same dates every run.</summary>
    public DateTimeOffset? ClockStart { get; set; }
}
