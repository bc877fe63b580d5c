namespace NetworkingBot.Core.Commands;

/// <summary>A registered subcommand: its spec and the handler type the dispatcher resolves per command.</summary>
public sealed record CommandRegistration(SubcommandSpec Spec, Type HandlerType);

/// <summary>
/// Every command the bot knows, for dispatch, help, forms and platform registration (Discord builds its
/// application commands from this; Slack and the shell parse against it; both adapters render its forms).
/// </summary>
public sealed class CommandCatalog(IEnumerable<CommandRegistration> registrations)
{
    /// <summary>The subcommand every program answers without a handler: it explains the others.</summary>
    public const string Help = "help";

    /// <summary>The help subcommand's one option: the subcommand to explain.</summary>
    public const string HelpOption = "command";

    /// <summary>
    /// The subcommand a program runs when it is typed with options but no subcommand word (<c>/intro first:@a …</c>);
    /// a program without one answers such a line with its help, as before.
    /// </summary>
    public const string Bare = "make";

    private readonly IReadOnlyList<CommandRegistration> _all = registrations.ToList();

    public IReadOnlyList<CommandRegistration> All => _all;

    public IReadOnlyList<string> Programs => _all.Select(r => r.Spec.Program).Distinct(StringComparer.Ordinal).ToList();

    public CommandRegistration? Find(string program, string subcommand) =>
        _all.FirstOrDefault(r => r.Spec.Program == program && r.Spec.Name == subcommand);

    public IReadOnlyList<SubcommandSpec> SpecsOf(string program) =>
        _all.Where(r => r.Spec.Program == program).Select(r => r.Spec).ToList();

    /// <summary>The subcommand whose form has <paramref name="formId"/> (its <see cref="SubcommandSpec.FormId"/>), or null.</summary>
    public SubcommandSpec? FindForm(string formId) =>
        _all.Select(r => r.Spec).FirstOrDefault(s => s.Form is not null && s.FormId == formId);

    /// <summary>Every subcommand that has a form.</summary>
    public IEnumerable<SubcommandSpec> Forms => _all.Select(r => r.Spec).Where(s => s.Form is not null);

    /// <summary>
    /// The request as it will run: options typed without a subcommand word (<c>/intro first:@a second:@b …</c>) parse
    /// as help and run as the program's <see cref="Bare"/> subcommand when it has one. Everything that reads a
    /// request's spec before dispatch (resolving member options) and the dispatcher itself go through this one rule.
    /// </summary>
    public CommandRequest Route(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Subcommand == Help && request.Options.Count > 0 && Find(request.Program, Bare) is not null
            ? request with { Subcommand = Bare }
            : request;
    }

    /// <summary>The spec of the subcommand <paramref name="request"/> will run as (see <see cref="Route"/>), if any.</summary>
    public SubcommandSpec? SpecOf(CommandRequest request)
    {
        var routed = Route(request);
        return Find(routed.Program, routed.Subcommand)?.Spec;
    }

    /// <summary>
    /// Whether answering <paramref name="request"/> depends on the asker's organiser rights: organiser commands, and
    /// help and unknown-subcommand answers (which list organiser commands only to organisers). Adapters whose
    /// platform must be asked (Slack's users.info) are asked only then.
    /// </summary>
    public bool NeedsOrganiserRights(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Find(request.Program, request.Subcommand)?.Spec is not { OrganiserOnly: false, OrganisersMayDoMore: false };
    }

    /// <summary>The help subcommand as a platform registers it: one optional choice of the member subcommands.</summary>
    public SubcommandSpec HelpSpec(string program) => new(program, Help, "explain every command, or one",
        [new OptionSpec(HelpOption, "the command to explain", Choices: [.. SpecsOf(program).Where(s => !s.OrganiserOnly).Select(s => s.Name)])]);

    /// <summary>Help for one program: every subcommand the asker may use; details come from <see cref="HelpForCommand"/>.</summary>
    public HelpTopic HelpFor(string program, bool includeOrganiser) => new ProgramHelp(
        program,
        [.. SpecsOf(program).Where(s => includeOrganiser || !s.OrganiserOnly)],
        !includeOrganiser && SpecsOf(program).Any(s => s.OrganiserOnly));

    /// <summary>One subcommand in full, or null when there is no such subcommand.</summary>
    public HelpTopic? HelpForCommand(string program, string subcommand) =>
        Find(program, subcommand)?.Spec is { } spec ? new CommandHelp(spec) : null;

    /// <summary>The overview shown by a bare "help": one line per program.</summary>
    public HelpTopic Overview() => new ProgramsHelp([.. Programs.Select(InfoOf)]);

    /// <summary>How a program introduces itself in help and in a platform's command list.</summary>
    public static ProgramInfo InfoOf(string program) => program switch
    {
        "coffee" => new(program, "coffee chats: get paired with another member for a short conversation every round",
            "Coffee chats: meet another member for a short call, every week or two"),
        "job" => new(program, "job leads: share what you hear, list open leads, subscribe to the ones that fit you",
            "Job leads: share what you hear, list open leads, get the ones that fit you"),
        "networking" => new(program, "your data: see, export or delete everything I store about you",
            "Your data: see or delete everything the bot stores about you"),
        "interview" => new(program, "informational interviews: volunteer, or ask 15-20 minutes of a professional's time",
            "Informational interviews: volunteer, or ask 15-20 minutes of a professional's time"),
        "network" => new(program, "my network: the people you met here, private notes, and gentle reminders to follow up",
            "My network: who you met, your notes, follow-up reminders"),
        "intro" => new(program, "introductions: introduce two members who should talk, with a reason",
            "Introduce two members who should talk"),
        _ => new(program, $"the {program} program", $"/{program} commands"),
    };
}
