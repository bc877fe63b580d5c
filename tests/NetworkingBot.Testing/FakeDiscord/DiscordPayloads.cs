using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>INTERACTION_CREATE payloads shaped like Discord's (see the fixtures), for one test guild.</summary>
public static class DiscordPayloads
{
    public const string Guild = "290926798626357999";
    public const string Channel = "645027906669510667";
    public const string App = "771825006014889000";
    public const string ManageServer = "32";

    /// <summary>The test guild's role granting Manage Server (see <see cref="FakeDiscordGuild"/>).</summary>
    public const string ManagersRole = "290926798626358001";

    /// <summary>The test guild's role granting Administrator.</summary>
    public const string AdministratorsRole = "290926798626358002";

    /// <summary>The test guild's role with no permissions, for a configured organiser role.</summary>
    public const string HostsRole = "290926798626358003";

    private static int _next = 1000;

    public static JsonElement Slash(string command, string subcommand, IReadOnlyDictionary<string, object>? options = null, string user = "111", string permissions = "0", string? focused = null, string[]? roles = null)
    {
        var leaves = new JsonArray([.. (options ?? new Dictionary<string, object>()).Select(o =>
        {
            var node = new JsonObject { ["name"] = o.Key, ["type"] = o.Value is int ? 4 : 3, ["value"] = JsonValue.Create(o.Value) };
            if (o.Key == focused)
            {
                node["focused"] = true;
            }

            return (JsonNode)node;
        })]);
        var data = new JsonObject
        {
            ["id"] = "771825006014889984",
            ["name"] = command,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = leaves }),
        };
        return Interaction(focused is null ? 2 : 4, data, user, permissions, guild: true, roles);
    }

    /// <summary>
    /// A slash command whose user option (type 6) <paramref name="option"/> names <paramref name="userId"/>, with that user in
    /// <c>data.resolved.users</c> as Discord sends it (left out when <paramref name="resolved"/> is false).
    /// </summary>
    public static JsonElement SlashNamingUser(string command, string subcommand, string option, string userId, string username, string? globalName = null, bool bot = false, bool resolved = true)
    {
        var user = new JsonObject { ["id"] = userId, ["username"] = username, ["global_name"] = globalName, ["discriminator"] = "0", ["avatar"] = null };
        if (bot)
        {
            user["bot"] = true;
        }

        var data = new JsonObject
        {
            ["id"] = "771825006014889984",
            ["name"] = command,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = subcommand, ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 6, ["value"] = userId }),
            }),
        };
        if (resolved)
        {
            data["resolved"] = new JsonObject { ["users"] = new JsonObject { [userId] = user } };
        }

        return Interaction(2, data, "111", "0", guild: true);
    }

    /// <summary>
    /// A slash command by <paramref name="user"/> whose user options (type 6) name <paramref name="members"/> (option → id,
    /// username, bot), each in <c>data.resolved.users</c> as Discord sends them, beside plain string options.
    /// </summary>
    public static JsonElement SlashNamingUsers(string command, string subcommand, IReadOnlyDictionary<string, (string Id, string Username, bool Bot)> members,
        IReadOnlyDictionary<string, string>? options = null, string user = "111")
    {
        var leaves = new JsonArray();
        var resolved = new JsonObject();
        foreach (var (option, member) in members)
        {
            leaves.Add(new JsonObject { ["name"] = option, ["type"] = 6, ["value"] = member.Id });
            resolved[member.Id] = new JsonObject { ["id"] = member.Id, ["username"] = member.Username, ["global_name"] = null, ["discriminator"] = "0", ["avatar"] = null, ["bot"] = member.Bot };
        }

        foreach (var (name, value) in options ?? new Dictionary<string, string>())
        {
            leaves.Add(new JsonObject { ["name"] = name, ["type"] = 3, ["value"] = value });
        }

        var data = new JsonObject
        {
            ["id"] = "771825006014889984",
            ["name"] = command,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = leaves }),
            ["resolved"] = new JsonObject { ["users"] = resolved },
        };
        return Interaction(2, data, user, "0", guild: true);
    }

    public static JsonElement Button(string customId, string user = "111", bool inGuild = false) =>
        Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, user, "0", inGuild);

    public static JsonElement Modal(string customId, IReadOnlyDictionary<string, string> fields, string user = "111") =>
        Interaction(5, new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject
            {
                ["type"] = 18,
                ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = f.Key, ["value"] = f.Value },
            })]),
        }, user, "0", guild: true);

    /// <summary>The DM channel a click in a direct message arrives from.</summary>
    public const string DmChannel = "645027906669599001";

    /// <summary>
    /// A snowflake minted from the current time, as Discord's interaction ids are: clients such as Discord.Net read the
    /// creation time from the id and refuse to answer an interaction older than 3 s (or 15 min after a deferral).
    /// </summary>
    public static string Snowflake()
    {
        const long DiscordEpochMs = 1_420_070_400_000;
        var sequence = (long)(Interlocked.Increment(ref _next) & 0x3F_FFFF);
        var id = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - DiscordEpochMs) << 22) | sequence;
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The guild roles a member holds to have <paramref name="permissions"/>: Discord computes a member's permissions from
    /// their roles, and clients such as Discord.Net read them from the roles, not from the interaction's own field.
    /// </summary>
    private static IEnumerable<string> RolesGranting(string permissions)
    {
        var bits = ulong.Parse(permissions, System.Globalization.CultureInfo.InvariantCulture);
        if ((bits & 32) != 0)
        {
            yield return ManagersRole;
        }

        if ((bits & 8) != 0)
        {
            yield return AdministratorsRole;
        }
    }

    private static JsonElement Interaction(int type, JsonObject data, string user, string permissions, bool guild, string[]? roles = null)
    {
        var id = Snowflake();
        var userObject = new JsonObject { ["id"] = user, ["username"] = "user" + user, ["global_name"] = "User " + user, ["discriminator"] = "0", ["avatar"] = null };
        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = App,
            ["type"] = type,
            ["token"] = "tok-" + id,
            ["version"] = 1,
            ["channel_id"] = guild ? Channel : DmChannel,
            // Discord sends the whole channel, and Discord.Net reads the channel id only from it.
            ["channel"] = guild
                ? new JsonObject { ["id"] = Channel, ["type"] = 0, ["guild_id"] = Guild, ["name"] = "coffee-chats", ["position"] = 0, ["permission_overwrites"] = new JsonArray(), ["nsfw"] = false, ["flags"] = 0 }
                : new JsonObject { ["id"] = DmChannel, ["type"] = 1, ["last_message_id"] = null, ["flags"] = 0, ["recipients"] = new JsonArray(userObject.DeepClone()) },
            ["data"] = data,
            ["app_permissions"] = "1071698660929",
            ["locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = guild ? Guild : user },
            ["context"] = guild ? 0 : 1,
            ["attachment_size_limit"] = 10_485_760,
        };
        if (guild)
        {
            payload["guild_id"] = Guild;
            payload["guild_locale"] = "en-US";
            payload["guild"] = new JsonObject { ["id"] = Guild, ["locale"] = "en-US", ["features"] = new JsonArray() };
            payload["member"] = new JsonObject
            {
                ["user"] = userObject, ["roles"] = new JsonArray([.. (roles ?? []).Concat(RolesGranting(permissions)).Select(r => (JsonNode)r)]), ["permissions"] = permissions, ["nick"] = null,
                ["joined_at"] = "2026-02-01T10:00:00.000000+00:00", ["deaf"] = false, ["mute"] = false, ["flags"] = 0, ["pending"] = false,
            };
        }
        else
        {
            payload["user"] = userObject;
        }

        return JsonSerializer.SerializeToElement(payload);
    }
}
