using System.Text.RegularExpressions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Commands;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// Adjusts the core's words for Discord: organiser subcommands live under "/{program}-admin" here, so a
/// text that says "`/coffee preview`" must say "`/coffee-admin preview`" to be typed as written.
/// </summary>
public sealed class DiscordText
{
    private readonly Regex? _organiserCommands;

    public DiscordText(CommandCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var names = catalog.All.Where(r => r.Spec.OrganiserOnly).Select(r => Regex.Escape($"/{r.Spec.Program} {r.Spec.Name}")).ToList();
        _organiserCommands = names.Count == 0 ? null : new Regex($@"(?<![\w-])({string.Join('|', names)})(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Adapt(string text) =>
        _organiserCommands is null ? text : _organiserCommands.Replace(text, m =>
        {
            var space = m.Value.IndexOf(' ', StringComparison.Ordinal);
            return m.Value[..space] + CommandDefinitions.AdminSuffix + m.Value[space..];
        });
}
