namespace NetworkingBot.Core.Commands;

/// <summary>
/// A platform-neutral command: "/coffee join tz:Europe/Oslo" becomes Program "coffee", Subcommand "join",
/// Options { tz = Europe/Oslo }. Discord builds it from typed options, Slack and the shell from text.
/// </summary>
public sealed record CommandRequest(
    string Program,
    string Subcommand,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The bare "help": what every program is for.</summary>
    public static CommandRequest HelpOverview { get; } = new(string.Empty, CommandCatalog.Help, new Dictionary<string, string>());

    public string? Option(string name) => Options.TryGetValue(name, out var v) ? v : null;

    public bool Has(string name) => Options.ContainsKey(name);
}
