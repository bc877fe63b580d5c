using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Testing.FakeDiscord;

public sealed partial class FakeDiscordRest
{
    private readonly Dictionary<string, string> _commands = new(StringComparer.Ordinal);

    // Called under _gate once the request passed authorization, faults and its bucket.
    private FakeDiscordRestAnswer Serve(FakeDiscordRestRoute route, JsonElement? body)
    {
        var s = route.Segments;
        switch (route.Hash)
        {
            case "gateway-bot":
                return FakeDiscordRestAnswer.Json(200, new JsonObject
                {
                    ["url"] = GatewayUrl,
                    ["shards"] = Shards,
                    ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = 1 },
                });
            case "application-me":
                return FakeDiscordRestAnswer.Json(200, new JsonObject { ["id"] = ApplicationId, ["name"] = "NetworkingBot", ["bot_public"] = false });
            case "create-dm":
                return OpenDm(body);
            case FakeDiscordRestRoute.ChannelMessages:
                return PostMessage(s[1], body);
            case FakeDiscordRestRoute.EditMessage:
                return EditMessage(s[1], s[3], body);
            case "global-commands" or "guild-commands":
                // Remembered per scope (the path), so a later GET reads back what was registered, as Discord answers:
                // each command with the id, application id and version it was given.
                _commands[string.Join('/', s)] = RegisteredCommands(s[1], body).ToJsonString();
                return new FakeDiscordRestAnswer(200, _commands[string.Join('/', s)], new(StringComparer.OrdinalIgnoreCase));
            case "get-current-user":
                return FakeDiscordRestAnswer.Json(200, UserObject(ApplicationId, bot: true));
            case "get-user":
                return FakeDiscordRestAnswer.Json(200, UserObject(s[1], bot: false));
            case "get-channel":
                return FakeDiscordRestAnswer.Json(200, ChannelObject(s[1]));
            case "read-messages":
                // Newest first, as Discord answers; the fake ignores ?limit and gives the newest 50.
                return FakeDiscordRestAnswer.Json(200, new JsonArray([.. _messages.Where(m => m.ChannelId == s[1] && !_deletedMessages.Contains(m.Id))
                    .Reverse().Take(50).Select(m => (JsonNode)MessageObject(Edited(m)))]));
            case "get-global-commands" or "get-guild-commands":
                return new FakeDiscordRestAnswer(200, _commands.GetValueOrDefault(string.Join('/', s), "[]"), new(StringComparer.OrdinalIgnoreCase));
            case "interaction-callback":
                return FakeDiscordRestAnswer.NoContent();
            default:
                // Webhook follow-ups and edits of the original response: the message as Discord would echo it.
                return PostMessage($"webhook:{s[2]}", body, webhook: true);
        }
    }

    /// <summary>The registered set as Discord echoes it: every command with an id, the application id and a version.</summary>
    private JsonArray RegisteredCommands(string applicationId, JsonElement? body)
    {
        var commands = body is { ValueKind: JsonValueKind.Array } list ? JsonNode.Parse(list.GetRawText())!.AsArray() : [];
        foreach (var command in commands.OfType<JsonObject>())
        {
            command["id"] ??= NextId();
            command["application_id"] = applicationId;
            command["version"] = NextId();
            command["type"] ??= 1;
            command["default_member_permissions"] ??= null;
        }

        return commands;
    }

    private static JsonObject UserObject(string id, bool bot) =>
        new() { ["id"] = id, ["username"] = bot ? "networkingbot-test" : $"user{id}", ["global_name"] = null, ["discriminator"] = "0", ["avatar"] = null, ["bot"] = bot };

    /// <summary>A DM channel the fake opened (with its recipient), else a text channel of the test guild.</summary>
    private JsonObject ChannelObject(string channelId) =>
        _userByDmChannel.TryGetValue(channelId, out var recipient)
            ? new JsonObject { ["id"] = channelId, ["type"] = 1, ["last_message_id"] = null, ["flags"] = 0, ["recipients"] = new JsonArray(UserObject(recipient, bot: false)) }
            : new JsonObject
            {
                ["id"] = channelId, ["type"] = 0, ["guild_id"] = DiscordPayloads.Guild, ["name"] = "coffee-chats", ["position"] = 0,
                ["permission_overwrites"] = new JsonArray(), ["nsfw"] = false, ["flags"] = 0, ["last_message_id"] = null,
            };

    private FakeDiscordRestAnswer OpenDm(JsonElement? body)
    {
        var recipient = body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("recipient_id", out var r) ? r.ToString() : null;
        if (string.IsNullOrEmpty(recipient))
        {
            return InvalidForm("recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
        }

        if (!_dmChannelByUser.TryGetValue(recipient, out var channelId))
        {
            channelId = NextId();
            _dmChannelByUser[recipient] = channelId;
            _userByDmChannel[channelId] = recipient;
        }

        return FakeDiscordRestAnswer.Json(200, new JsonObject
        {
            ["id"] = channelId,
            ["type"] = 1,
            ["last_message_id"] = null,
            ["recipients"] = new JsonArray(new JsonObject { ["id"] = recipient, ["username"] = $"user{recipient}", ["discriminator"] = "0", ["avatar"] = null }),
        });
    }

    private FakeDiscordRestAnswer PostMessage(string channelId, JsonElement? body, bool webhook = false)
    {
        if (body is not { ValueKind: JsonValueKind.Object } message)
        {
            return FakeDiscordRestAnswer.Error(400, 50109, "The request body contains invalid JSON.");
        }

        var recipient = _userByDmChannel.GetValueOrDefault(channelId);
        if (recipient is not null && _closedDmUsers.Contains(recipient))
        {
            return FakeDiscordRestAnswer.Error(403, 50007, "Cannot send messages to this user");
        }

        var content = message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
        if (content.Length > 2000)
        {
            return InvalidForm("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
        }

        var nonce = message.TryGetProperty("nonce", out var n) ? n.ToString() : null;
        var enforce = message.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;
        var nonceKey = $"{channelId}:{nonce}";
        if (!webhook && enforce && nonce is not null && _byNonce.TryGetValue(nonceKey, out var earlier))
        {
            // Discord returns the message created earlier with this nonce instead of posting it again.
            return FakeDiscordRestAnswer.Json(200, MessageObject(earlier));
        }

        var accepted = new FakeDiscordRestMessage(NextId(), channelId, recipient, content, nonce, message);
        _messages.Add(accepted);
        if (!webhook && enforce && nonce is not null)
        {
            _byNonce[nonceKey] = accepted;
        }

        return FakeDiscordRestAnswer.Json(200, MessageObject(accepted));
    }

    // An edit replaces the fields it carries; the fake keeps each edit's body and answers with the message as edited.
    private FakeDiscordRestAnswer EditMessage(string channelId, string messageId, JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } edit)
        {
            return FakeDiscordRestAnswer.Error(400, 50109, "The request body contains invalid JSON.");
        }

        var original = _messages.FirstOrDefault(m => m.Id == messageId && m.ChannelId == channelId);
        if (original is null || _deletedMessages.Contains(messageId))
        {
            return FakeDiscordRestAnswer.Error(404, 10008, "Unknown Message");
        }

        var content = edit.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()!
            : _edits.LastOrDefault(e => e.MessageId == messageId)?.Content ?? original.Content;
        if (content.Length > 2000)
        {
            return InvalidForm("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
        }

        var accepted = new FakeDiscordRestEdit(messageId, channelId, content, edit, _time.GetUtcNow());
        _edits.Add(accepted);
        return FakeDiscordRestAnswer.Json(200, MessageObject(original with { Content = content, Body = edit }));
    }

    /// <summary>The message as its edits left it: each edit replaces the fields it carries (a null clears one) and keeps the rest.</summary>
    private FakeDiscordRestMessage Edited(FakeDiscordRestMessage message)
    {
        var edits = _edits.Where(e => e.MessageId == message.Id).ToList();
        if (edits.Count == 0)
        {
            return message;
        }

        var body = JsonNode.Parse(message.Body.GetRawText())!.AsObject();
        foreach (var field in edits.SelectMany(e => e.Body.EnumerateObject()))
        {
            body[field.Name] = field.Value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(field.Value.GetRawText());
        }

        return message with { Content = edits[^1].Content, Body = JsonSerializer.SerializeToElement(body) };
    }

    private JsonObject MessageObject(FakeDiscordRestMessage message)
    {
        var json = new JsonObject
        {
            ["id"] = message.Id,
            // A webhook's message (an interaction's answer) is in the interaction's channel; the fake keeps it by token.
            ["channel_id"] = message.ChannelId.StartsWith("webhook:", StringComparison.Ordinal) ? DiscordPayloads.Channel : message.ChannelId,
            ["type"] = 0,
            ["content"] = message.Content,
            ["author"] = message.AuthorId is { } member
                ? new JsonObject { ["id"] = member, ["username"] = $"user{member}" }
                : new JsonObject { ["id"] = ApplicationId, ["username"] = "NetworkingBot", ["bot"] = true },
            ["timestamp"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["nonce"] = message.Nonce,
        };
        if (message.Body.TryGetProperty("components", out var components))
        {
            json["components"] = JsonNode.Parse(components.GetRawText());
        }

        if (message.Body.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array)
        {
            json["embeds"] = JsonNode.Parse(embeds.GetRawText());
        }

        return json;
    }

    private static FakeDiscordRestAnswer InvalidForm(string field, string code, string message) =>
        FakeDiscordRestAnswer.Error(400, 50035, "Invalid Form Body", new JsonObject
        {
            [field] = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) },
        });

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);
}
