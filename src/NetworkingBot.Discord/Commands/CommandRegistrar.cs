using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Commands;

/// <summary>
/// Registers the command set at start, in one bulk overwrite, and only when it differs from what Discord
/// already has: creates count against a daily limit (200 per guild), and an unchanged set needs no call.
/// The comparison reads the live set back, so it holds across restarts and several instances without state.
/// </summary>
public sealed class CommandRegistrar(IDiscordRest rest, CommandCatalog catalog, ILogger<CommandRegistrar> logger)
{
    /// <returns>True when the commands were (re)written.</returns>
    public async Task<bool> RegisterAsync(string applicationId, string? guildId, CancellationToken cancellationToken)
    {
        var route = guildId is null
            ? new DiscordRoute(HttpMethod.Get, "applications/{application_id}/commands", applicationId)
            : new DiscordRoute(HttpMethod.Get, "applications/{application_id}/guilds/{guild_id}/commands", applicationId, guildId);
        var desired = CommandDefinitions.Build(catalog, global: guildId is null);
        var existing = await rest.SendAsync(route, null, cancellationToken).ConfigureAwait(false);
        if (existing is { ValueKind: JsonValueKind.Array } live && Fingerprint(live) == Fingerprint(JsonSerializer.SerializeToElement(desired)))
        {
            logger.LogInformation("Discord commands are up to date ({Count} commands); nothing registered", desired.Count);
            return false;
        }

        await rest.SendAsync(route with { Method = HttpMethod.Put }, desired, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Registered {Count} Discord commands {Scope}", desired.Count, guildId is null ? "globally" : $"in guild {guildId}");
        return true;
    }

    /// <summary>
    /// The fields we set, in a canonical form: Discord echoes commands back with ids, versions and defaults
    /// filled in, so comparing raw JSON would always differ.
    /// </summary>
    internal static string Fingerprint(JsonElement commands)
    {
        var projected = new JsonArray([.. commands.EnumerateArray()
            .OrderBy(c => Text(c, "name"), StringComparer.Ordinal)
            .Select(c => (JsonNode)new JsonObject
            {
                ["name"] = Text(c, "name"),
                ["description"] = Text(c, "description"),
                ["permissions"] = Text(c, "default_member_permissions"),
                ["options"] = Options(c),
            })]);
        return projected.ToJsonString();
    }

    private static JsonArray Options(JsonElement parent) =>
        parent.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
            ? new JsonArray([.. options.EnumerateArray().Select(o => (JsonNode)new JsonObject
            {
                ["type"] = o.TryGetProperty("type", out var t) ? t.GetInt32() : 0,
                ["name"] = Text(o, "name"),
                ["description"] = Text(o, "description"),
                ["required"] = Flag(o, "required"),
                ["autocomplete"] = Flag(o, "autocomplete"),
                ["choices"] = o.TryGetProperty("choices", out var ch) && ch.ValueKind == JsonValueKind.Array
                    ? string.Join('|', ch.EnumerateArray().Select(x => Text(x, "name") + "=" + (x.TryGetProperty("value", out var v) ? v.ToString() : "")))
                    : "",
                ["channel_types"] = o.TryGetProperty("channel_types", out var ct) ? ct.GetRawText() : "",
                ["options"] = Options(o),
            })])
            : [];

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
