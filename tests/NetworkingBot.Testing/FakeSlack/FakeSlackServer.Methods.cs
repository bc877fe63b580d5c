using System.Globalization;
using System.Text.Json.Nodes;

namespace NetworkingBot.Testing.FakeSlack;

public sealed partial class FakeSlackServer
{
    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    /// <summary>The default answers, shaped like the Slack fixtures for each method.</summary>
    private JsonObject Answer(string method, string? token, Dictionary<string, string> args)
    {
        if (method == "apps.connections.open")
        {
            return token?.StartsWith("xapp-", StringComparison.Ordinal) == true
                ? new JsonObject { ["ok"] = true, ["url"] = $"ws{_base["http".Length..]}/link/?ticket={Guid.NewGuid():N}&app_id=A111" }
                : Error("not_allowed_token_type");
        }

        if (token?.StartsWith("xoxb-", StringComparison.Ordinal) != true)
        {
            return Error(token is null ? "not_authed" : "invalid_auth");
        }

        return method switch
        {
            "auth.test" => new JsonObject
            {
                ["ok"] = true, ["url"] = "https://fake.slack.com/", ["team"] = "Fake Library Association", ["user"] = "networkingbot",
                ["team_id"] = "T111", ["user_id"] = "U0BOT", ["bot_id"] = "B0BOT",
            },
            "chat.postMessage" => Post(args),
            "chat.update" => Update(args),
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() },
            "conversations.open" => args.TryGetValue("users", out var users) && users.Length > 0
                ? new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = Conversation(users) } }
                : Error("users_list_not_supplied"),
            "users.info" => User(args.GetValueOrDefault("user", "")),
            "views.open" => args.ContainsKey("trigger_id") && args.ContainsKey("view")
                ? new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + NextTs().Replace(".", "", StringComparison.Ordinal), ["type"] = "modal", ["hash"] = "1700000000.abcdef" } }
                : Error("invalid_arguments"),
            "views.update" => args.TryGetValue("view_id", out var viewId) && args.ContainsKey("view")
                ? new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = viewId, ["type"] = "modal" } }
                : Error("invalid_arguments"),
            "views.publish" => args.TryGetValue("user_id", out var homeUser) && homeUser.Length > 0 && args.TryGetValue("view", out var home) && home.Contains("\"home\"", StringComparison.Ordinal)
                ? new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + NextTs().Replace(".", "", StringComparison.Ordinal), ["type"] = "home" } }
                : Error("invalid_arguments"),
            "files.getUploadURLExternal" => UploadUrl(args),
            "files.completeUploadExternal" => CompleteUpload(args),
            "conversations.history" => History(args),
            "conversations.members" => Members(args.GetValueOrDefault("channel", ""), args.GetValueOrDefault("cursor", "")),
            _ => Error("unknown_method"),
        };
    }

    private JsonObject Post(Dictionary<string, string> args)
    {
        if (!args.TryGetValue("channel", out var channel) || channel.Length == 0)
        {
            return Error("channel_not_found");
        }

        var ts = NextTs();
        var stored = new JsonObject { ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B0BOT", ["ts"] = ts, ["text"] = args.GetValueOrDefault("text", "") };
        if (args.TryGetValue("metadata", out var metadata))
        {
            stored["metadata"] = JsonNode.Parse(metadata);
        }

        lock (_gate)
        {
            _messages.Add((channel, ts));
            _history.Add((channel, stored));
        }

        return new JsonObject
        {
            ["ok"] = true, ["channel"] = channel, ["ts"] = ts,
            ["message"] = new JsonObject { ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B0BOT", ["text"] = args.GetValueOrDefault("text", "") },
        };
    }

    // chat.update finds the message by channel and ts, as Slack does; a deleted or unknown one is message_not_found.
    private JsonObject Update(Dictionary<string, string> args)
    {
        var channel = args.GetValueOrDefault("channel", "");
        var ts = args.GetValueOrDefault("ts", "");
        if (channel.Length == 0)
        {
            return Error("channel_not_found");
        }

        if (!args.ContainsKey("text") && !args.ContainsKey("blocks"))
        {
            return Error("no_text");
        }

        lock (_gate)
        {
            if (!_messages.Contains((channel, ts)))
            {
                return Error("message_not_found");
            }
        }

        return new JsonObject
        {
            ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = args.GetValueOrDefault("text", ""),
            ["message"] = new JsonObject { ["type"] = "message", ["bot_id"] = "B0BOT", ["text"] = args.GetValueOrDefault("text", "") },
        };
    }

    private string NextTs() => string.Create(CultureInfo.InvariantCulture, $"1700000000.{Interlocked.Increment(ref _ts):D6}");

    private string Conversation(string users)
    {
        var key = string.Join(',', users.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
        lock (_gate)
        {
            if (!_conversations.TryGetValue(key, out var id))
            {
                // A DM's id starts with D; a multi-person DM (mpim) is a private group, G.
                id = (key.Contains(',', StringComparison.Ordinal) ? "G" : "D") + (_conversations.Count + 1).ToString("D6", CultureInfo.InvariantCulture);
                _conversations[key] = id;
            }

            return id;
        }
    }

    private JsonObject User(string id)
    {
        lock (_gate)
        {
            return _users.TryGetValue(id, out var user)
                ? new JsonObject { ["ok"] = true, ["user"] = user.DeepClone() }
                : Error("user_not_found");
        }
    }

    private JsonObject Members(string channel, string cursor)
    {
        IReadOnlyList<string>[]? pages;
        lock (_gate)
        {
            _channelMembers.TryGetValue(channel, out pages);
        }

        if (pages is null)
        {
            return Error("channel_not_found");
        }

        var index = cursor.Length == 0 ? 0 : int.Parse(Convert.FromBase64String(cursor) is var b ? System.Text.Encoding.ASCII.GetString(b)["page:".Length..] : "0", CultureInfo.InvariantCulture);
        var next = index + 1 < pages.Length ? Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"page:{index + 1}")) : "";
        return new JsonObject
        {
            ["ok"] = true,
            ["members"] = new JsonArray(pages[index].Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }
}
