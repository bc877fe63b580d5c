using System.Text;

namespace NetworkingBot.Core.Commands;

/// <summary>A registered subcommand: its spec and the handler type the dispatcher resolves per command.</summary>
public sealed record CommandRegistration(SubcommandSpec Spec, Type HandlerType);

/// <summary>
/// Every command the bot knows, for dispatch, help text and platform registration (Discord builds its
/// application commands from this; Slack and the shell parse against it).
/// </summary>
public sealed class CommandCatalog(IEnumerable<CommandRegistration> registrations)
{
    private readonly IReadOnlyList<CommandRegistration> _all = registrations.ToList();

    public IReadOnlyList<CommandRegistration> All => _all;

    public IReadOnlyList<string> Programs => _all.Select(r => r.Spec.Program).Distinct(StringComparer.Ordinal).ToList();

    public CommandRegistration? Find(string program, string subcommand) =>
        _all.FirstOrDefault(r => r.Spec.Program == program && r.Spec.Name == subcommand);

    public IReadOnlyList<SubcommandSpec> SpecsOf(string program) =>
        _all.Where(r => r.Spec.Program == program).Select(r => r.Spec).ToList();

    /// <summary>Help for one program: every subcommand with its summary; details come from <see cref="HelpForCommand"/>.</summary>
    public string HelpFor(string program, bool includeOrganizer)
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"`/{program}` commands (`/{program} help <command>` shows a command's options):");
        foreach (var spec in SpecsOf(program).Where(s => includeOrganizer || !s.OrganizerOnly))
        {
            text.Append("\n• `/").Append(spec.Program).Append(' ').Append(spec.Name).Append("` — ").Append(spec.Summary).Append(spec.OrganizerOnly ? " (organisers)" : "");
        }

        if (!includeOrganizer && SpecsOf(program).Any(s => s.OrganizerOnly))
        {
            text.Append("\nOrganisers have a few more commands for setting up and running rounds.");
        }

        return text.ToString();
    }

    /// <summary>One subcommand in full: usage, each option with what it takes, and an example.</summary>
    public string? HelpForCommand(string program, string subcommand)
    {
        if (Find(program, subcommand)?.Spec is not { } spec)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append('`').Append(spec.Usage).Append("` — ").Append(spec.Summary).Append(spec.OrganizerOnly ? " (organisers only)" : "");
        foreach (var option in spec.Options)
        {
            text.Append("\n• `").Append(option.Name).Append("`: ").Append(option.Description).Append(option.Required ? " (required)" : "");
        }

        if (spec.Example is not null)
        {
            text.Append("\nExample: `").Append(spec.Example).Append('`');
        }

        return text.ToString();
    }

    /// <summary>The overview shown by a bare "help": one line per program.</summary>
    public string Overview() =>
        "Here's what I can do:\n" + string.Join('\n', Programs.Select(p => $"• `/{p} help` — {ProgramBlurb(p)}"));

    private static string ProgramBlurb(string program) => program switch
    {
        "coffee" => "coffee chats: get paired with another member for a short conversation every round",
        "job" => "job leads: share what you hear, list open leads, subscribe to the ones that fit you",
        "networking" => "your data: see, export or delete everything I store about you",
        "interview" => "informational interviews: volunteer, or ask 15-20 minutes of a professional's time",
        _ => $"the {program} program",
    };
}
