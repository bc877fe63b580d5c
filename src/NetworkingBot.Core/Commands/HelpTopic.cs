namespace NetworkingBot.Core.Commands;

/// <summary>
/// What a help answer is about, as data: each adapter renders it (the shell and Slack with <see cref="HelpText"/>,
/// Discord with its own command names), so no adapter rebuilds help from text.
/// </summary>
public abstract record HelpTopic;

/// <summary>The bare "help": one line per program.</summary>
public sealed record ProgramsHelp(IReadOnlyList<ProgramInfo> Programs) : HelpTopic;

/// <summary>"/program help": its subcommands the asker may use, and whether organisers have more.</summary>
public sealed record ProgramHelp(string Program, IReadOnlyList<SubcommandSpec> Commands, bool MoreForOrganisers) : HelpTopic;

/// <summary>"/program help command": one subcommand in full.</summary>
public sealed record CommandHelp(SubcommandSpec Command) : HelpTopic;

/// <summary>
/// A program as people meet it: <see cref="Blurb"/> for the help overview, <see cref="Summary"/> (at most 100
/// characters) where a platform lists its commands.
/// </summary>
public sealed record ProgramInfo(string Name, string Blurb, string Summary);
