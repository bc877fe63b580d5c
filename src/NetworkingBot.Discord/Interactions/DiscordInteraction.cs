using System.Globalization;
using System.Text.Json;
using NetworkingBot.Core.Commands;

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
    /// <summary>When the bot received it: Discord takes the first response only within 3 s, follow-ups for 15 min.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The last moment the first response (callback) is accepted: 3 s after the interaction.</summary>
    public DateTimeOffset CallbackDeadline => ReceivedAt + CallbackWindow;

    /// <summary>The last moment the interaction's token takes edits and follow-ups: 15 min after the interaction.</summary>
    public DateTimeOffset TokenDeadline => ReceivedAt + TokenLifetime;

    /// <summary>Discord's window for the first response.</summary>
    public static readonly TimeSpan CallbackWindow = TimeSpan.FromSeconds(3);

    /// <summary>Discord's lifetime of an interaction token.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The users Discord resolved for user options (<c>data.resolved.users</c>), by id.</summary>
    public IReadOnlyDictionary<string, MentionedUser> ResolvedUsers { get; init; } = new Dictionary<string, MentionedUser>();

    /// <summary>
    /// Reads a payload; null (with the reason) when it lacks what every interaction has or a field has the wrong
    /// type. Never throws: a hostile payload is a value like any other. <see cref="Answerable"/> then says whether
    /// the sender can still be told.
    /// </summary>
    public static (DiscordInteraction? Interaction, string? Error) Parse(JsonElement d)
    {
        try
        {
            return Read(d);
        }
        catch (InvalidOperationException ex)
        {
            // JsonElement's accessors throw this for a value of the wrong kind; the message names kinds, never content.
            return (null, "a field has the wrong type: " + ex.Message);
        }
    }

    /// <summary>
    /// The id and token of an interaction <see cref="Parse"/> could not read, when those two can be read, and whether
    /// it is an autocomplete (which takes choices, not a message, for an answer).
    /// </summary>
    public static (string Id, string Token, bool Autocomplete)? Answerable(JsonElement d) =>
        d.ValueKind == JsonValueKind.Object
        && d.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } idText
        && d.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } tokenText
            ? (idText, tokenText, d.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number
                && type.TryGetInt32(out var kind) && kind == (int)InteractionType.Autocomplete)
            : null;

    private static (DiscordInteraction? Interaction, string? Error) Read(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object || Str(d, "id") is not { Length: > 0 } id || Str(d, "token") is not { Length: > 0 } token
            || !d.TryGetProperty("type", out var typeElement) || !typeElement.TryGetInt32(out var type))
        {
            return (null, "the interaction has no id, token or type");
        }

        // In a guild the invoker is member.user; in a DM it is user.
        var member = Obj(d, "member");
        var user = member is { } mm ? Obj(mm, "user") ?? Obj(d, "user") : Obj(d, "user");
        if (user is not { } invoker || Str(invoker, "id") is not { } userId)
        {
            return (null, "the interaction names no user");
        }

        var name = (member is { } n1 ? Str(n1, "nick") : null) ?? Str(invoker, "global_name") ?? Str(invoker, "username") ?? userId;
        var permissions = member is { } p && Str(p, "permissions") is { } bits && ulong.TryParse(bits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0UL;
        var roles = member is { } r && Arr(r, "roles") is { } rs ? rs.EnumerateArray().Select(StrValue).ToList() : [];
        var data = Obj(d, "data");
        var channelId = Str(d, "channel_id") ?? (Obj(d, "channel") is { } ch ? Str(ch, "id") : null);

        var (subcommand, options, focused) = data is { } o ? ReadOptions(o) : (null, new Dictionary<string, string>(), null);
        return (new DiscordInteraction(
            id, token, Str(d, "application_id") ?? "", (InteractionType)type, Str(d, "guild_id"), channelId, userId, name,
            permissions, roles,
            data is { } n ? Str(n, "name") : null,
            subcommand, options, focused,
            data is { } c ? Str(c, "custom_id") : null,
            data is { } f ? ModalFields.Read(f) : new Dictionary<string, string>())
        {
            ResolvedUsers = data is { } u ? ReadResolvedUsers(u) : new Dictionary<string, MentionedUser>(),
        }, null);
    }

    private static (string? Subcommand, Dictionary<string, string> Options, string? Focused) ReadOptions(JsonElement data)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? subcommand = null;
        string? focused = null;
        var level = data;
        while (Arr(level, "options") is { } list)
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
                    options[optionName] = v.ValueKind switch
                    {
                        JsonValueKind.String => v.GetString()!,
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                        _ => throw new InvalidOperationException($"An option's value must be a string, number or boolean, found {v.ValueKind}."),
                    };
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

    private static Dictionary<string, MentionedUser> ReadResolvedUsers(JsonElement data)
    {
        var users = new Dictionary<string, MentionedUser>(StringComparer.Ordinal);
        if (Obj(data, "resolved") is { } resolved && Obj(resolved, "users") is { } list)
        {
            foreach (var entry in list.EnumerateObject())
            {
                var user = entry.Value;
                var isBot = user.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True;
                users[entry.Name] = new MentionedUser(entry.Name, Str(user, "global_name") ?? Str(user, "username"), isBot);
            }
        }

        return users;
    }

    /// <summary>A string field; null when absent or JSON null; a value of another kind throws, and <see cref="Parse"/> reports it.</summary>
    internal static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? StrValue(value) : null;

    internal static string StrValue(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : throw new InvalidOperationException($"Expected a string, found {value.ValueKind}.");

    /// <summary>An object field; null when absent or JSON null; another kind throws.</summary>
    internal static JsonElement? Obj(JsonElement element, string name) => Field(element, name, JsonValueKind.Object);

    /// <summary>An array field; null when absent or JSON null; another kind throws.</summary>
    internal static JsonElement? Arr(JsonElement element, string name) => Field(element, name, JsonValueKind.Array);

    private static JsonElement? Field(JsonElement element, string name, JsonValueKind kind) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == kind ? value
        : throw new InvalidOperationException($"\"{name}\" must be {(kind == JsonValueKind.Object ? "an object" : "an array")}, found {value.ValueKind}.");
}
