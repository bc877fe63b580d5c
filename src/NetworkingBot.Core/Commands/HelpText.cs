using System.Text;

namespace NetworkingBot.Core.Commands;

/// <summary>
/// Help topics as text. <c>invocation</c> names a subcommand the way the platform has people type it (Discord puts
/// organiser subcommands under their own command); by default "/program subcommand".
/// </summary>
public static class HelpText
{
    public static string Render(HelpTopic topic, Func<SubcommandSpec, string>? invocation = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var name = invocation ?? (spec => spec.Invocation);
        return topic switch
        {
            ProgramsHelp all => "Here's what I can do:\n" + string.Join('\n', all.Programs.Select(p => $"• `/{p.Name} help` — {p.Blurb}")),
            ProgramHelp program => Program(program, name),
            CommandHelp command => Command(command.Command),
            _ => throw new ArgumentOutOfRangeException(nameof(topic), topic.GetType().Name, "A help topic without a rendering."),
        };
    }

    private static string Program(ProgramHelp help, Func<SubcommandSpec, string> name)
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"`/{help.Program}` commands (`/{help.Program} help <command>` shows a command's options):");
        foreach (var spec in help.Commands)
        {
            text.Append("\n• `").Append(name(spec)).Append("` — ").Append(spec.Summary).Append(spec.OrganiserOnly ? " (organisers)" : "");
        }

        if (help.MoreForOrganisers)
        {
            text.Append("\nOrganisers have a few more commands for setting up and running rounds.");
        }

        return text.ToString();
    }

    private static string Command(SubcommandSpec spec)
    {
        var text = new StringBuilder();
        text.Append('`').Append(spec.Usage).Append("` — ").Append(spec.Summary).Append(spec.OrganiserOnly ? " (organisers only)" : "");
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
}
