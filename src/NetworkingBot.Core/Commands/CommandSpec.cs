using NetworkingBot.Core.Commands.Forms;

namespace NetworkingBot.Core.Commands;

/// <summary>One option of a subcommand. <see cref="Choices"/> lists fixed values (Discord renders them as choices).</summary>
public sealed record OptionSpec(
    string Name,
    string Description,
    bool Required = false,
    IReadOnlyList<string>? Choices = null,
    OptionKind Kind = OptionKind.Text);

/// <summary>What kind of value an option takes, so adapters can offer typed inputs and autocomplete.</summary>
public enum OptionKind
{
    Text,
    Number,
    Date,
    Time,
    TimeZone,
    Tags,
    Channel,
    User,
}

/// <summary>The shape of one subcommand: the single source for parsing, help text and platform registration.</summary>
public sealed record SubcommandSpec(
    string Program,
    string Name,
    string Summary,
    IReadOnlyList<OptionSpec> Options,
    bool OrganiserOnly = false,
    string? Example = null)
{
    /// <summary>
    /// A member command in which an organiser may do more (close someone else's job lead), so the platform is asked
    /// for the actor's rights like for an organiser-only command.
    /// </summary>
    public bool OrganisersMayDoMore { get; init; }

    /// <summary>The form this subcommand opens when it is typed without what the form asks (see <see cref="FormSpec.OpensFor"/>).</summary>
    public FormSpec? Form { get; init; }

    /// <summary>The form's id on every platform (Slack's callback_id, inside Discord's modal id): "program_subcommand".</summary>
    public string FormId => $"{Program}_{Name}";

    /// <summary>
    /// How members type it: "/program subcommand", or just "/program" for a program's <see cref="CommandCatalog.Bare"/>
    /// subcommand (<c>/intro first:@a …</c>), which is registered and typed without its word.
    /// </summary>
    public string Invocation => Name == CommandCatalog.Bare ? $"/{Program}" : $"/{Program} {Name}";

    public string Usage
    {
        get
        {
            var parts = Options.Select(o => o.Required ? $"{o.Name}:<{Hint(o)}>" : $"[{o.Name}:<{Hint(o)}>]");
            return $"{Invocation} {string.Join(' ', parts)}".TrimEnd();
        }
    }

    private static string Hint(OptionSpec o) => o.Choices is { Count: > 0 } c ? string.Join('|', c) : o.Kind switch
    {
        OptionKind.Number => "number",
        OptionKind.Date => "YYYY-MM-DD",
        OptionKind.Time => "HH:MM",
        OptionKind.TimeZone => "IANA zone",
        OptionKind.Tags => "tag,tag",
        OptionKind.Channel => "channel",
        OptionKind.User => "user",
        _ => "text",
    };
}
