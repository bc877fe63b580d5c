namespace NetworkingBot.Core.Commands.Forms;

/// <summary>
/// A form a subcommand opens instead of asking for its options one by one. It is data: each adapter has one
/// renderer (Discord modal, Slack <c>views.open</c> modal) and one submission reader that turn it into the platform's
/// form and back into the subcommand's <see cref="CommandRequest"/>, so a new form is one spec and no adapter code.
/// Each field fills the option of the same name.
/// </summary>
/// <param name="Title">The form's title (Slack allows 24 characters, Discord 45).</param>
/// <param name="Submit">The submit button's label where the platform shows one.</param>
/// <param name="Fields">The inputs, in the order shown. A platform with small forms (Discord: five inputs) shows the
/// first ones the command did not already carry; the others come from the command's own options.</param>
/// <param name="Unavailable">What a member reads when the form could not be opened: how to type the command instead.</param>
public sealed record FormSpec(string Title, string Submit, IReadOnlyList<FormField> Fields, string Unavailable)
{
    /// <summary>
    /// The form opens when the command lacks any of these options; null (the default) opens it only for the bare
    /// command, with no options at all.
    /// </summary>
    public IReadOnlyList<string>? OpensWithout { get; init; }

    /// <summary>
    /// The form requires fields its command does not (a bare join joins with defaults; an empty join form must not),
    /// so a submission missing one is answered under those fields without running the command.
    /// </summary>
    public bool RefusesMissingFields { get; init; }

    /// <summary>Whether <paramref name="request"/> (a typed or slash command) should open this form instead of running.</summary>
    public bool OpensFor(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OpensWithout is { } needed ? needed.Any(name => !request.Has(name)) : request.Options.Count == 0;
    }

    public FormField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>One input of a form; <see cref="Name"/> is the option it fills.</summary>
/// <param name="MaxLength">The core's own limit for a text value (0: none), so the platform refuses an over-long value while it is typed.</param>
public sealed record FormField(
    string Name,
    string Label,
    FieldKind Kind = FieldKind.Text,
    bool Required = false,
    int MaxLength = 0,
    IReadOnlyList<string>? Choices = null,
    string? Placeholder = null)
{
    /// <summary>A value the adapter fills in from what the platform knows about the member.</summary>
    public FieldDefault Default { get; init; }

    /// <summary>Error codes from the command that are about this field, so they are shown under it.</summary>
    public IReadOnlyList<string> ErrorCodes { get; init; } = [];
}

/// <summary>What kind of input a field is, so each platform picks its own widget.</summary>
public enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>A paragraph.</summary>
    LongText,

    /// <summary>One of <see cref="FormField.Choices"/>.</summary>
    Choice,

    /// <summary>Any of <see cref="FormField.Choices"/>, submitted comma-separated.</summary>
    MultiChoice,

    /// <summary>A member of the community, submitted as their platform id.</summary>
    Member,

    /// <summary>A calendar date, submitted as YYYY-MM-DD.</summary>
    Date,
}

/// <summary>Values an adapter may fill in before the member types anything.</summary>
public enum FieldDefault
{
    None,

    /// <summary>The member's time zone as the platform knows it (Slack's profile).</summary>
    MemberTimeZone,
}
