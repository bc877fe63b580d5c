using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Discord.Commands;

/// <summary>
/// Turns the core's command catalog into Discord application commands. Each program is one slash command
/// with its member subcommands; its organiser subcommands go into a second command, "/{program}-admin",
/// because Discord sets <c>default_member_permissions</c> per command, not per subcommand. Manage Server
/// (1 &lt;&lt; 5) is the default; server admins can widen it in Server Settings → Integrations.
/// </summary>
public static class CommandDefinitions
{
    public const string AdminSuffix = "-admin";
    public const string ManageGuild = "32";

    private const int MaxDescription = 100;

    public static JsonArray Build(CommandCatalog catalog, bool global)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var commands = new JsonArray();
        foreach (var program in catalog.Programs)
        {
            var specs = catalog.SpecsOf(program);
            var members = specs.Where(s => !s.OrganiserOnly).ToList();
            var organisers = specs.Where(s => s.OrganiserOnly).ToList();
            if (members.Count > 0)
            {
                commands.Add(Command(program, CommandCatalog.InfoOf(program).Summary, [.. members.Select(Subcommand), Subcommand(catalog.HelpSpec(program))], null, global));
            }

            if (organisers.Count > 0)
            {
                commands.Add(Command(program + AdminSuffix, $"Organiser tools for /{program}", [.. organisers.Select(Subcommand)], ManageGuild, global));
            }
        }

        return commands;
    }

    /// <summary>The core program a Discord command belongs to: a program's organiser command ("{program}-admin") and its member command are both that program.</summary>
    public static string ProgramOf(string commandName)
    {
        ArgumentNullException.ThrowIfNull(commandName);
        return commandName.EndsWith(AdminSuffix, StringComparison.Ordinal) ? commandName[..^AdminSuffix.Length] : commandName;
    }

    private static JsonObject Command(string name, string description, JsonNode[] options, string? permissions, bool global)
    {
        var command = new JsonObject
        {
            ["name"] = name,
            ["type"] = 1,
            ["description"] = Trim(description),
            ["options"] = new JsonArray(options),
        };
        if (permissions is not null)
        {
            command["default_member_permissions"] = permissions;
        }

        if (global)
        {
            // Guild installs only, used in servers (not in DMs with the bot).
            command["integration_types"] = new JsonArray(0);
            command["contexts"] = new JsonArray(0);
        }

        return command;
    }

    private static JsonObject Subcommand(SubcommandSpec spec)
    {
        // Discord requires required options before optional ones.
        var options = spec.Options.OrderBy(o => o.Required ? 0 : 1).Select(Option).ToArray();
        return new JsonObject
        {
            ["type"] = 1,
            ["name"] = spec.Name,
            ["description"] = Trim(spec.Summary),
            ["options"] = new JsonArray(options),
        };
    }

    private static JsonObject Option(OptionSpec option)
    {
        var node = new JsonObject
        {
            ["type"] = TypeOf(option.Kind),
            ["name"] = option.Name,
            ["description"] = Trim(option.Description),
        };
        if (option.Required)
        {
            node["required"] = true;
        }

        if (option.Choices is { Count: > 0 } choices)
        {
            node["choices"] = new JsonArray([.. choices.Take(25).Select(c => (JsonNode)new JsonObject { ["name"] = c, ["value"] = c })]);
        }
        else if (option.Kind is OptionKind.TimeZone or OptionKind.Tags)
        {
            node["autocomplete"] = true;
        }

        if (option.Kind == OptionKind.Channel)
        {
            // Text and announcement channels: where the bot can post.
            node["channel_types"] = new JsonArray(0, 5);
        }

        return node;
    }

    private static int TypeOf(OptionKind kind) => kind switch
    {
        OptionKind.Number => 4,
        OptionKind.Channel => 7,
        OptionKind.User => 6,
        _ => 3,
    };

    private static string Trim(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
}
