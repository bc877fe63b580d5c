namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>A recognised route of the fake: its bucket hash, major parameter and path segments.</summary>
internal sealed record FakeDiscordRestRoute(string Hash, string Major, string[] Segments)
{
    public const string ChannelMessages = "channel-messages";
    public const string EditMessage = "edit-message";

    public static FakeDiscordRestRoute? Match(string method, string path)
    {
        var s = path.Split('?')[0].Split('/');
        var m = method.ToUpperInvariant();
        return (m, s) switch
        {
            ("GET", ["gateway", "bot"]) => new("gateway-bot", "", s),
            ("GET", ["oauth2", "applications", "@me"]) => new("application-me", "", s),
            ("POST", ["users", "@me", "channels"]) => new("create-dm", "", s),
            ("GET", ["users", "@me"]) => new("get-current-user", "", s),
            ("GET", ["users", var user]) => new("get-user", user, s),
            ("GET", ["channels", var channel]) => new("get-channel", channel, s),
            ("GET", ["channels", var channel, "messages"]) => new("read-messages", channel, s),
            ("POST", ["channels", var channel, "messages"]) => new(ChannelMessages, channel, s),
            ("PATCH", ["channels", var channel, "messages", _]) => new(EditMessage, channel, s),
            ("GET", ["applications", _, "commands"]) => new("get-global-commands", "", s),
            ("GET", ["applications", _, "guilds", _, "commands"]) => new("get-guild-commands", "", s),
            ("PUT", ["applications", _, "commands"]) => new("global-commands", "", s),
            ("PUT", ["applications", _, "guilds", _, "commands"]) => new("guild-commands", "", s),
            ("POST", ["interactions", var id, _, "callback"]) => new("interaction-callback", id, s),
            ("PATCH", ["webhooks", var app, var token, "messages", "@original"]) => new("webhook-original", $"{app}/{token}", s),
            ("POST", ["webhooks", var app, var token]) => new("webhook-execute", $"{app}/{token}", s),
            _ => null,
        };
    }
}
