using System.Text.Json;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// A guild as GUILD_CREATE carries it, with every list Discord always sends (empty where the test needs nothing):
/// client libraries such as Discord.Net read them without checking for absence.
/// </summary>
public static class FakeDiscordGuild
{
    /// <summary>The GUILD_CREATE data of guild <paramref name="guildId"/>: its @everyone role and <see cref="DiscordPayloads.Channel"/>.</summary>
    public static string CreateJson(string guildId, string botUserId) => JsonSerializer.Serialize(new
    {
        id = guildId,
        name = "Library Folk",
        icon = (string?)null,
        splash = (string?)null,
        discovery_splash = (string?)null,
        owner_id = "1",
        afk_channel_id = (string?)null,
        afk_timeout = 300,
        verification_level = 0,
        default_message_notifications = 0,
        explicit_content_filter = 0,
        mfa_level = 0,
        nsfw_level = 0,
        premium_tier = 0,
        premium_subscription_count = 0,
        preferred_locale = "en-US",
        system_channel_id = (string?)null,
        system_channel_flags = 0,
        rules_channel_id = (string?)null,
        public_updates_channel_id = (string?)null,
        safety_alerts_channel_id = (string?)null,
        application_id = (string?)null,
        vanity_url_code = (string?)null,
        description = (string?)null,
        banner = (string?)null,
        max_video_channel_users = 25,
        premium_progress_bar_enabled = false,
        features = Array.Empty<string>(),
        emojis = Array.Empty<object>(),
        stickers = Array.Empty<object>(),
        roles = new[]
        {
            // View Channel, Send Messages, Read Message History: no organiser rights for everyone.
            new { id = guildId, name = "@everyone", color = 0, hoist = false, position = 0, permissions = "68608", managed = false, mentionable = false, flags = 0 },
            new { id = DiscordPayloads.ManagersRole, name = "Managers", color = 0, hoist = false, position = 1, permissions = DiscordPayloads.ManageServer, managed = false, mentionable = false, flags = 0 },
            new { id = DiscordPayloads.AdministratorsRole, name = "Admins", color = 0, hoist = false, position = 2, permissions = "8", managed = false, mentionable = false, flags = 0 },
            // No rights of its own: organiser only where the bot is configured to count it (Discord:OrganiserRoleIds).
            new { id = DiscordPayloads.HostsRole, name = "Coffee hosts", color = 0, hoist = false, position = 3, permissions = "0", managed = false, mentionable = false, flags = 0 },
        },
        joined_at = "2026-01-05T10:00:00.000000+00:00",
        large = false,
        unavailable = false,
        member_count = 2,
        voice_states = Array.Empty<object>(),
        members = new[]
        {
            new
            {
                user = new { id = botUserId, username = "networkingbot-test", discriminator = "0", avatar = (string?)null, bot = true },
                roles = Array.Empty<string>(),
                joined_at = "2026-01-05T10:00:00.000000+00:00",
                deaf = false,
                mute = false,
                flags = 0,
            },
        },
        channels = new[]
        {
            new { id = DiscordPayloads.Channel, type = 0, name = "coffee-chats", position = 0, parent_id = (string?)null, topic = (string?)null, nsfw = false, last_message_id = (string?)null, rate_limit_per_user = 0, permission_overwrites = Array.Empty<object>(), flags = 0 },
        },
        threads = Array.Empty<object>(),
        presences = Array.Empty<object>(),
        stage_instances = Array.Empty<object>(),
        guild_scheduled_events = Array.Empty<object>(),
        soundboard_sounds = Array.Empty<object>(),
    });
}
