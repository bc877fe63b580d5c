using System.Globalization;
using Discord;
using Discord.WebSocket;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Interactions;
using OurType = NetworkingBot.Discord.Interactions.InteractionType;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Reads what the adapter needs from an interaction Discord.Net has already parsed into the same record the rest of
/// the adapter works with: ids as strings, the invoked subcommand's leaf options as strings (a member, channel or
/// role option as its id), a form's fields by custom id, and the members Discord resolved for user options.
/// </summary>
internal static class InteractionReader
{
    public static DiscordInteraction Read(SocketInteraction interaction, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var member = interaction.User as SocketGuildUser;
        var (type, command, subcommand, options, focused, customId, fields, users) = interaction switch
        {
            SocketSlashCommand slash => Slash(slash.Data),
            SocketAutocompleteInteraction auto => Autocomplete(auto.Data),
            SocketMessageComponent component => (OurType.MessageComponent, null, null, Empty, null, component.Data.CustomId, Empty, NoUsers),
            SocketModal modal => (OurType.ModalSubmit, null, null, Empty, null, modal.Data.CustomId, Fields(modal.Data), NoUsers),
            _ => ((OurType)(int)interaction.Type, null, null, Empty, null, null, Empty, NoUsers),
        };
        return new DiscordInteraction(
            Id(interaction.Id), interaction.Token, Id(interaction.ApplicationId), type,
            interaction.GuildId is { } guild ? Id(guild) : null,
            interaction.ChannelId is { } channel ? Id(channel) : null,
            Id(interaction.User.Id), member?.Nickname ?? interaction.User.GlobalName ?? interaction.User.Username ?? Id(interaction.User.Id),
            Permissions(member), member is null ? [] : [.. member.Roles.Where(r => !r.IsEveryone).Select(r => Id(r.Id))],
            command, subcommand, options, focused, customId, fields)
        {
            ReceivedAt = receivedAt,
            ResolvedUsers = users,
        };
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static readonly IReadOnlyDictionary<string, MentionedUser> NoUsers = new Dictionary<string, MentionedUser>();

    /// <summary>
    /// Administrator and Manage Server as Discord.Net computes them from the member's roles in the guild (the fake
    /// and Discord send the roles in GUILD_CREATE); a configured organiser role is checked by the handler.
    /// </summary>
    private static ulong Permissions(SocketGuildUser? member) => member?.GuildPermissions.RawValue ?? 0UL;

    private static (OurType, string?, string?, IReadOnlyDictionary<string, string>, string?, string?, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, MentionedUser>) Slash(SocketSlashCommandData data)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var users = new Dictionary<string, MentionedUser>(StringComparer.Ordinal);
        string? subcommand = null;
        IEnumerable<SocketSlashCommandDataOption> level = data.Options;
        while (level.FirstOrDefault(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup) is { } nested)
        {
            // A group's or subcommand's own options are one level down; the innermost subcommand is the one run.
            subcommand = nested.Name;
            level = nested.Options;
        }

        foreach (var option in level)
        {
            options[option.Name] = Value(option.Value);
            if (option.Value is IUser user)
            {
                users[Id(user.Id)] = new MentionedUser(Id(user.Id), user.GlobalName ?? user.Username, user.IsBot);
            }
        }

        return (OurType.ApplicationCommand, data.Name, subcommand, options, null, null, Empty, users);
    }

    private static (OurType, string?, string?, IReadOnlyDictionary<string, string>, string?, string?, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, MentionedUser>) Autocomplete(SocketAutocompleteInteractionData data)
    {
        // Discord.Net flattens the tree: the subcommand (or group) comes as an option of its own type.
        var subcommand = data.Options.LastOrDefault(o => o.Type == ApplicationCommandOptionType.SubCommand)?.Name;
        var options = data.Options
            .Where(o => o.Type is not (ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup) && o.Value is not null)
            .GroupBy(o => o.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Value(g.Last().Value), StringComparer.Ordinal);
        return (OurType.Autocomplete, data.CommandName, subcommand, options, data.Current?.Name, null, Empty, NoUsers);
    }

    /// <summary>A form's inputs by custom id: a text input's value, a select's chosen values joined by commas.</summary>
    private static Dictionary<string, string> Fields(SocketModalData data)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in data.Components)
        {
            if (component.Value is { } value)
            {
                fields[component.CustomId] = value;
            }
            else if (component.Values is { Count: > 0 } values)
            {
                fields[component.CustomId] = string.Join(',', values);
            }
        }

        return fields;
    }

    /// <summary>An option's value as the core reads options: text, an invariant number, true/false, or an entity's id.</summary>
    private static string Value(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IEntity<ulong> entity => Id(entity.Id),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
