using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Commands;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// An interaction as the request it runs: a button's command line (in the guild its id carries), a form's submission,
/// or a slash command's options, with user options resolved from what Discord sent. Both Discord clients read
/// interactions through it, so a click or a form means the same on either.
/// </summary>
public sealed class InteractionRequests(CommandCatalog catalog, DiscordForms forms)
{
    /// <summary>The guild to act in and the request to run, or the refusal to answer instead (a form we no longer know).</summary>
    public (string? GuildId, CommandRequest? Request, CommandResult? Refusal) Translate(DiscordInteraction interaction)
    {
        switch (interaction.Type)
        {
            case InteractionType.MessageComponent:
                var (guildId, line) = ButtonIds.Decode(interaction.CustomId ?? "");
                var (clicked, unreadable) = CommandLine.Parse(line);
                return (guildId ?? interaction.GuildId, clicked, unreadable is null ? null : CommandResult.Fail(unreadable));
            case InteractionType.ModalSubmit:
                return forms.Read(interaction.CustomId, interaction.Fields) switch
                {
                    (null, _) => (interaction.GuildId, null, CommandResult.Fail("unknown_form", "That form is out of date; please run the command again.")),
                    ({ } form, null) => (interaction.GuildId, null, CommandResult.Fail("form_expired",
                        $"That form waited too long and its other options were lost; please run `/{form.Program} {form.Name}` again.")),
                    (_, { } submitted) => (interaction.GuildId, WithUsers(interaction, submitted), null),
                };
        }

        // Help is a subcommand like any other here (its option names what to explain); the dispatcher answers it.
        var program = CommandDefinitions.ProgramOf(interaction.CommandName ?? "");
        return (interaction.GuildId, WithUsers(interaction, new CommandRequest(program, interaction.SubcommandName ?? CommandCatalog.Help, interaction.Options)), null);
    }

    /// <summary>
    /// A user option's value (typed, or picked in a form's user select) is the member's id, and Discord sends who that
    /// is in <c>data.resolved.users</c>; an id
    /// it did not resolve stays unresolved, for the program to refuse.
    /// </summary>
    private CommandRequest WithUsers(DiscordInteraction interaction, CommandRequest request)
    {
        var spec = catalog.Find(request.Program, request.Subcommand)?.Spec;
        var users = spec?.Options.Where(o => o.Kind == OptionKind.User && request.Options.TryGetValue(o.Name, out var id) && interaction.ResolvedUsers.ContainsKey(id))
            .ToDictionary(o => o.Name, o => interaction.ResolvedUsers[request.Options[o.Name]], StringComparer.Ordinal);
        return users is { Count: > 0 } ? request with { Users = users } : request;
    }
}
