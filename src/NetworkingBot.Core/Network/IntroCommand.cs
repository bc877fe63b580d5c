namespace NetworkingBot.Core.Network;

/// <summary>
/// The names of /intro's subcommands. <c>/intro first:@a second:@b because:"…"</c> is typed without one; the
/// dispatcher runs a program's options typed without a subcommand word as its <see cref="Commands.CommandCatalog.Bare"/> subcommand.
/// </summary>
public static class IntroCommand
{
    /// <summary>Making an introduction.</summary>
    public const string Make = Commands.CommandCatalog.Bare;

    /// <summary>An introduced member's answer (its buttons).</summary>
    public const string Answer = "answer";
}
