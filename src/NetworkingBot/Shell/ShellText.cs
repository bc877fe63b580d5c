using System.Text.RegularExpressions;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Shell;

/// <summary>
/// Renders the core's platform-style markup for a terminal: &lt;@alice&gt; becomes @alice, &lt;#coffee&gt; #coffee, and a
/// time token is spelled out in every zone it names (a terminal cannot show each reader their own time).
/// </summary>
public static partial class ShellText
{
    public static string Render(string text) =>
        TimeTokens.Render(ChannelRef().Replace(UserRef().Replace(text, "@$1"), "#$1"), TimeTokens.SpellOut);

    [GeneratedRegex("<@([^>\\s]+)>")]
    private static partial Regex UserRef();

    [GeneratedRegex("<#([^>\\s]+)>")]
    private static partial Regex ChannelRef();
}
