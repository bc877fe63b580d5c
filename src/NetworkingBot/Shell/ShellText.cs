using System.Text.RegularExpressions;

namespace NetworkingBot.Shell;

/// <summary>Renders the core's platform-style markup for a terminal: &lt;@alice&gt; becomes @alice, &lt;#coffee&gt; #coffee.</summary>
public static partial class ShellText
{
    public static string Render(string text) => ChannelRef().Replace(UserRef().Replace(text, "@$1"), "#$1");

    [GeneratedRegex("<@([^>\\s]+)>")]
    private static partial Regex UserRef();

    [GeneratedRegex("<#([^>\\s]+)>")]
    private static partial Regex ChannelRef();
}
