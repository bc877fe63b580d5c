using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Discord;
using Discord.Rest;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Commands;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Registers the command set through Discord.Net, in one bulk overwrite, and only when it differs from the live set:
/// creates count against a daily limit (200 per guild), and an unchanged set needs no call. The live set is read
/// back and compared by <see cref="CommandFingerprint.Of"/>, so it holds across restarts and instances.
/// </summary>
internal sealed partial class LibraryRegistrar(CommandCatalog catalog, ILogger<LibraryRegistrar> logger)
{
    /// <returns>True when the commands were (re)written.</returns>
    public async Task<bool> RegisterAsync(DiscordRestClient client, ulong? guildId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var options = new RequestOptions { CancelToken = cancellationToken };
        var desired = CommandDefinitions.Build(catalog, global: guildId is null);
        IReadOnlyCollection<IApplicationCommand> live = guildId is { } guild
            ? await client.GetGuildApplicationCommands(guild, options: options).ConfigureAwait(false)
            : await client.GetGlobalApplicationCommands(options: options).ConfigureAwait(false);
        if (CommandFingerprint.Of(Echo(live)) == CommandFingerprint.Of(JsonSerializer.SerializeToElement(desired)))
        {
            LogUpToDate(desired.Count);
            return false;
        }

        var properties = desired.OfType<JsonObject>().Select(Properties).ToArray();
        if (guildId is { } target)
        {
            await client.BulkOverwriteGuildCommands(properties, target, options).ConfigureAwait(false);
        }
        else
        {
            await client.BulkOverwriteGlobalCommands(properties, options).ConfigureAwait(false);
        }

        LogRegistered(desired.Count, guildId is null ? "globally" : $"in guild {guildId}");
        return true;
    }

    /// <summary>The live commands spelled as Discord sends them, for the fingerprint.</summary>
    private static JsonElement Echo(IEnumerable<IApplicationCommand> commands) => JsonSerializer.SerializeToElement(new JsonArray([.. commands.Select(c =>
    {
        var permissions = c.DefaultMemberPermissions.RawValue;
        return (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["description"] = c.Description,
            ["default_member_permissions"] = permissions == 0 ? null : permissions.ToString(CultureInfo.InvariantCulture),
            ["options"] = EchoOptions(c.Options),
        };
    })]));

    private static JsonArray EchoOptions(IEnumerable<IApplicationCommandOption>? options) => new([.. (options ?? []).Select(o =>
    {
        var node = new JsonObject
        {
            ["type"] = (int)o.Type,
            ["name"] = o.Name,
            ["description"] = o.Description,
            ["required"] = o.IsRequired ?? false,
            ["autocomplete"] = o.IsAutocomplete ?? false,
            ["options"] = EchoOptions(o.Options),
        };
        if (o.Choices is { Count: > 0 } choices)
        {
            node["choices"] = new JsonArray([.. choices.Select(ch => (JsonNode)new JsonObject { ["name"] = ch.Name, ["value"] = Convert.ToString(ch.Value, CultureInfo.InvariantCulture) })]);
        }

        if (o.ChannelTypes is { Count: > 0 } types)
        {
            node["channel_types"] = new JsonArray([.. types.Select(t => (JsonNode)(int)t)]);
        }

        return (JsonNode)node;
    })]);

    /// <summary>One command of <see cref="CommandDefinitions.Build"/> as Discord.Net's properties.</summary>
    private static ApplicationCommandProperties Properties(JsonObject command)
    {
        var builder = new SlashCommandBuilder()
            .WithName(Text(command, "name"))
            .WithDescription(Text(command, "description"));
        if (command["default_member_permissions"] is { } permissions)
        {
            builder.WithDefaultMemberPermissions((GuildPermission)ulong.Parse(permissions.GetValue<string>(), CultureInfo.InvariantCulture));
        }

        if (command["contexts"] is JsonArray)
        {
            // Guild installs only, used in servers (not in DMs with the bot).
            builder.WithIntegrationTypes(ApplicationIntegrationType.GuildInstall).WithContextTypes(InteractionContextType.Guild);
        }

        foreach (var option in (command["options"] as JsonArray ?? []).OfType<JsonObject>())
        {
            builder.AddOption(Option(option));
        }

        return builder.Build();
    }

    private static SlashCommandOptionBuilder Option(JsonObject option)
    {
        var builder = new SlashCommandOptionBuilder()
            .WithName(Text(option, "name"))
            .WithDescription(Text(option, "description"))
            .WithType((ApplicationCommandOptionType)option["type"]!.GetValue<int>())
            .WithRequired(option["required"]?.GetValue<bool>() ?? false)
            .WithAutocomplete(option["autocomplete"]?.GetValue<bool>() ?? false);
        foreach (var choice in (option["choices"] as JsonArray ?? []).OfType<JsonObject>())
        {
            builder.AddChoice(Text(choice, "name"), Text(choice, "value"));
        }

        foreach (var type in (option["channel_types"] as JsonArray ?? []).OfType<JsonNode>())
        {
            builder.AddChannelType((ChannelType)type.GetValue<int>());
        }

        foreach (var nested in (option["options"] as JsonArray ?? []).OfType<JsonObject>())
        {
            builder.AddOption(Option(nested));
        }

        return builder;
    }

    private static string Text(JsonObject node, string name) => node[name]?.GetValue<string>() ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands are up to date ({Count} commands); nothing registered")]
    private partial void LogUpToDate(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} Discord commands {Scope}")]
    private partial void LogRegistered(int count, string scope);
}
