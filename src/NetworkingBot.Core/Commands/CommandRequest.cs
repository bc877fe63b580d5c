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

    /// <summary>
    /// The members named in options of kind <see cref="OptionKind.User"/>, by option name, as the adapter resolved
    /// them; an option whose member the adapter could not resolve has its raw value in <see cref="Options"/> only.
    /// </summary>
    public IReadOnlyDictionary<string, MentionedUser> Users { get; init; } = new Dictionary<string, MentionedUser>();

    public string? Option(string name) => Options.TryGetValue(name, out var v) ? v : null;

    /// <summary>The member named in option <paramref name="name"/>, when the adapter resolved one.</summary>
    public MentionedUser? User(string name) => Users.TryGetValue(name, out var u) ? u : null;

    public bool Has(string name) => Options.ContainsKey(name);
}
