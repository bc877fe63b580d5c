using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Slack.Api;

namespace NetworkingBot.Slack.Interactions;

/// <summary>What the bot needs to know about a Slack user from users.info.</summary>
internal sealed record SlackUser(string Id, string DisplayName, bool IsAdmin, bool IsOwner, string? TimeZone)
{
    /// <summary>A bot user or an app's user (users.info is_bot / is_app_user): never a member to pair or introduce.</summary>
    public bool IsBot { get; init; }
}

/// <summary>
/// users.info with a short cache. Organiser rights come from configured ids or from the workspace's own
/// admin/owner flags, never from anything a user typed.
/// </summary>
internal sealed class SlackUserDirectory(ISlackApi api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackUserDirectory> logger)
{
    private readonly ConcurrentDictionary<string, (SlackUser User, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public async Task<bool> IsOrganiserAsync(string userId, CancellationToken cancellationToken)
    {
        if (options.Value.OrganiserUserIds.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        var user = await FindAsync(userId, cancellationToken).ConfigureAwait(false);
        return user is { IsAdmin: true } or { IsOwner: true };
    }

    /// <summary>The user if a fresh answer is cached; never calls Slack (for paths that cannot wait, like opening a form).</summary>
    public SlackUser? Cached(string userId) =>
        _cache.TryGetValue(userId, out var entry) && entry.Expires > time.GetUtcNow() ? entry.User : null;

    /// <summary>The user, or null when Slack could not say (then they are treated as a plain member).</summary>
    public async Task<SlackUser?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(userId, out var entry) && entry.Expires > now)
        {
            return entry.User;
        }

        try
        {
            var body = await api.CallAsync("users.info", new JsonObject { ["user"] = userId }, cancellationToken).ConfigureAwait(false);
            var user = Parse(body.GetProperty("user"));
            _cache[userId] = (user, now + options.Value.UserCacheExpiry);
            return user;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            logger.LogWarning("users.info for {UserId} failed ({Reason}); treating them as unknown, without organiser rights", userId, ex.Message);
            return null;
        }
    }

    internal static SlackUser Parse(JsonElement user)
    {
        var id = user.GetProperty("id").GetString()!;
        var profile = user.TryGetProperty("profile", out var p) ? p : default;
        var name = First(profile, "display_name") ?? First(user, "real_name") ?? First(user, "name") ?? id;
        return new SlackUser(id, name, Flag(user, "is_admin"), Flag(user, "is_owner") || Flag(user, "is_primary_owner"), First(user, "tz"))
        {
            IsBot = Flag(user, "is_bot") || Flag(user, "is_app_user"),
        };
    }

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? First(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
