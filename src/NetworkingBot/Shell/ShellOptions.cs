using NetworkingBot.Core.Commands;

namespace NetworkingBot.Shell;

/// <summary>The console shell's settings (section "Shell").</summary>
public sealed class ShellOptions
{
    public const string Section = "Shell";

    /// <summary>Simulated users who have organiser rights.</summary>
    public List<string> Organisers { get; set; } = [];

    /// <summary>The community the shell plays, in the stored form of a console <see cref="CommunityId"/>.</summary>
    public string Community { get; set; } = new CommunityId(Platform.Console, "local").Key;

    /// <summary>The channel commands are typed in.</summary>
    public string Channel { get; set; } = "general";

    /// <summary>Optional fixed start for the shell clock (ISO 8601), so a script sees the same dates every run.</summary>
    public DateTimeOffset? ClockStart { get; set; }
}
