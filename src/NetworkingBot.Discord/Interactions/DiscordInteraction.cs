using System.Globalization;
using System.Text.Json;

namespace NetworkingBot.Discord.Interactions;

/// <summary>Interaction types we handle (Discord's numbers).</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    Autocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>
/// The parts of an INTERACTION_CREATE payload the adapter uses, read once. <see cref="Options"/> holds the
/// leaf options of the invoked subcommand (values as strings), <see cref="Focused"/> the option being typed
/// during autocomplete, <see cref="CustomId"/> the button's or modal's id and <see cref="Fields"/> a modal's inputs.
/// </summary>
public sealed record DiscordInteraction(
    string Id,
    string Token,
    string ApplicationId,
    InteractionType Type,
    string? GuildId,
    string? ChannelId,
    string UserId,
    string DisplayName,
    ulong Permissions,
    IReadOnlyList<string> RoleIds,
    string? CommandName,
    string? SubcommandName,
    IReadOnlyDictionary<string, string> Options,
    string? Focused,
    string? CustomId,
    IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Reads a payload; null (with the reason) when it lacks what every interaction has.</summary>
    public static (DiscordInteraction? Interaction, string? Error) Parse(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object || Str(d, "id") is not { } id || Str(d, "token") is not { } token
            || !d.TryGetProperty("type", out var typeElement) || !typeElement.TryGetInt32(out var type))
        {
            return (null, "the interaction has no id, token or type");
        }

        // In a guild the invoker is member.user; in a DM it is user.
        var member = d.TryGetProperty("member", out var m) && m.ValueKind == JsonValueKind.Object ? m : (JsonElement?)null;
        var user = member is { } mm && mm.TryGetProperty("user", out var mu) ? mu : d.TryGetProperty("user", out var u) ? u : default;
        if (user.ValueKind != JsonValueKind.Object || Str(user, "id") is not { } userId)
        {
            return (null, "the interaction names no user");
        }

        var name = (member is { } n1 ? Str(n1, "nick") : null) ?? Str(user, "global_name") ?? Str(user, "username") ?? userId;
        var permissions = member is { } p && Str(p, "permissions") is { } bits && ulong.TryParse(bits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0UL;
        var roles = member is { } r && r.TryGetProperty("roles", out var rs) && rs.ValueKind == JsonValueKind.Array
            ? rs.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList()
            : [];
        var data = d.TryGetProperty("data", out var dd) && dd.ValueKind == JsonValueKind.Object ? dd : default;
        var channelId = Str(d, "channel_id") ?? (d.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.Object ? Str(ch, "id") : null);

        var (subcommand, options, focused) = data.ValueKind == JsonValueKind.Object ? ReadOptions(data) : (null, new Dictionary<string, string>(), null);
        return (new DiscordInteraction(
            id, token, Str(d, "application_id") ?? "", (InteractionType)type, Str(d, "guild_id"), channelId, userId, name,
            permissions, roles,
            data.ValueKind == JsonValueKind.Object ? Str(data, "name") : null,
            subcommand, options, focused,
            data.ValueKind == JsonValueKind.Object ? Str(data, "custom_id") : null,
            data.ValueKind == JsonValueKind.Object ? ModalFields.Read(data) : new Dictionary<string, string>()), null);
    }

    private static (string? Subcommand, Dictionary<string, string> Options, string? Focused) ReadOptions(JsonElement data)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? subcommand = null;
        string? focused = null;
        var level = data;
        while (level.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            JsonElement? next = null;
            foreach (var option in list.EnumerateArray())
            {
                var type = option.TryGetProperty("type", out var t) && t.TryGetInt32(out var tv) ? tv : 0;
                if (type is 1 or 2)
                {
                    // Subcommand (1) or group (2): its own options are one level down.
                    subcommand = Str(option, "name");
                    next = option;
                    break;
                }

                if (Str(option, "name") is { } optionName && option.TryGetProperty("value", out var v))
                {
                    options[optionName] = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
                    if (option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True)
                    {
                        focused = optionName;
                    }
                }
            }

            if (next is null)
            {
                break;
            }

            level = next.Value;
        }

        return (subcommand, options, focused);
    }

    internal static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
