using System.Globalization;
using System.Text.Json;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>
/// The fields of READY, GUILD_CREATE and GUILD_DELETE that Discord.Net deserializes into typed models
/// (<c>ReadyEvent</c>, <c>ExtendedGuild</c>) or reads unguarded, with the JSON kind each must have. Only those: a
/// field Discord.Net does not read may be anything, and Discord adds fields over time.
/// </summary>
internal static class DispatchShapes
{
    private const int UserOption = 6;

    private static readonly Field[] GuildItems = [new("id", Shape.Snowflake, Required: true)];
    private static readonly Field[] ChannelItems = [new("id", Shape.Snowflake, Required: true), new("type", Shape.Number, Required: true)];

    private static readonly Field[] ReadyFields =
    [
        new("v", Shape.Number),
        new("user", Shape.Object, Required: true, Items: [new("id", Shape.Snowflake, Required: true), new("username", Shape.String)]),
        new("session_id", Shape.String, Required: true),
        new("resume_gateway_url", Shape.String, Nullable: true),
        new("guilds", Shape.ObjectArray, Required: true, Items: [.. GuildItems, new("unavailable", Shape.Bool, Nullable: true)]),
        new("private_channels", Shape.ObjectArray, Items: ChannelItems),
        new("application", Shape.Object, Nullable: true, Items: [new("id", Shape.Snowflake)]),
    ];

    private static readonly Field[] GuildFields =
    [
        new("id", Shape.Snowflake, Required: true),
        new("unavailable", Shape.Bool, Nullable: true),
        new("name", Shape.String),
        new("owner_id", Shape.Snowflake),
        new("member_count", Shape.Number),
        new("large", Shape.Bool),
        new("joined_at", Shape.Timestamp),
        new("channels", Shape.ObjectArray, Items: ChannelItems),
        new("threads", Shape.ObjectArray, Items: ChannelItems),
        new("roles", Shape.ObjectArray, Items: [new("id", Shape.Snowflake, Required: true), new("name", Shape.String)]),
        new("members", Shape.ObjectArray),
        new("emojis", Shape.ObjectArray),
        new("stickers", Shape.ObjectArray),
        new("voice_states", Shape.ObjectArray),
        new("presences", Shape.ObjectArray),
        new("guild_scheduled_events", Shape.ObjectArray),
        new("features", Shape.Array),
    ];

    /// <summary>What makes a READY unreadable for Discord.Net, or null when it is fit.</summary>
    public static string? Ready(JsonElement data) => CheckObject(data, "d", ReadyFields);

    /// <summary>Whether a (fit) READY lacks <c>private_channels</c>, which Discord.Net needs.</summary>
    public static bool LacksPrivateChannels(JsonElement data) => !data.TryGetProperty("private_channels", out _);

    /// <summary>What makes a GUILD_CREATE or GUILD_DELETE unreadable for Discord.Net, or null when it is fit.</summary>
    public static string? Guild(JsonElement data) => CheckObject(data, "d", GuildFields);

    /// <summary>
    /// The name of a user option (type 6) of an interaction (read fit by <c>DiscordInteraction.Parse</c>) whose user
    /// is not in <c>data.resolved.users</c>, or null when every one is there.
    /// </summary>
    public static string? UnresolvedUser(JsonElement interaction)
    {
        if (!interaction.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var users = data.TryGetProperty("resolved", out var resolved) && resolved.ValueKind == JsonValueKind.Object
            && resolved.TryGetProperty("users", out var list) && list.ValueKind == JsonValueKind.Object ? list : default;
        return UnresolvedUser(data, users);
    }

    private static string? UnresolvedUser(JsonElement parent, JsonElement users)
    {
        if (!parent.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var option in options.EnumerateArray())
        {
            if (option.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.TryGetInt32(out var kind) && kind == UserOption
                && option.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
                && (users.ValueKind != JsonValueKind.Object || !users.TryGetProperty(value.GetString()!, out _)))
            {
                return option.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : "?";
            }

            if (UnresolvedUser(option, users) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static string? CheckObject(JsonElement value, string path, IReadOnlyList<Field> fields)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return $"{path} is a {GatewayFrameCheck.Kind(value)}, not an object";
        }

        foreach (var field in fields)
        {
            if (!value.TryGetProperty(field.Name, out var member))
            {
                if (field.Required)
                {
                    return $"{path}.{field.Name} is missing";
                }

                continue;
            }

            if (CheckField(member, $"{path}.{field.Name}", field) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckField(JsonElement value, string path, Field field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return field.Nullable ? null : $"{path} is null";
        }

        var fits = field.Shape switch
        {
            Shape.Snowflake => value.ValueKind == JsonValueKind.String && ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _),
            Shape.String => value.ValueKind == JsonValueKind.String,
            Shape.Timestamp => value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            Shape.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            Shape.Number => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            Shape.Object => value.ValueKind == JsonValueKind.Object,
            Shape.Array or Shape.ObjectArray => value.ValueKind == JsonValueKind.Array,
            _ => false,
        };
        if (!fits)
        {
            return $"{path} is a {GatewayFrameCheck.Kind(value)}, not {Describe(field.Shape)}";
        }

        if (field.Shape == Shape.Object && field.Items is { } inner)
        {
            return CheckObject(value, path, inner);
        }

        if (field.Shape == Shape.ObjectArray)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (CheckObject(item, $"{path}[{index++}]", field.Items ?? []) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static string Describe(Shape shape) => shape switch
    {
        Shape.Snowflake => "a snowflake (a string of digits)",
        Shape.Timestamp => "an ISO 8601 timestamp",
        Shape.Bool => "a boolean",
        Shape.Number => "an integer",
        Shape.ObjectArray => "an array of objects",
        Shape.Array => "an array",
        Shape.Object => "an object",
        _ => "a string",
    };

    private enum Shape
    {
        Snowflake,
        String,
        Timestamp,
        Bool,
        Number,
        Object,
        Array,
        ObjectArray,
    }

    /// <summary>One field: its JSON shape, whether it must be there, whether null is allowed, and (objects) the fields inside.</summary>
    private sealed record Field(string Name, Shape Shape, bool Required = false, bool Nullable = false, Field[]? Items = null);
}
