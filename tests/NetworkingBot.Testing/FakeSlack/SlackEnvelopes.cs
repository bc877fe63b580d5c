using System.Text.Json.Nodes;

namespace NetworkingBot.Testing.FakeSlack;

/// <summary>
/// Builds Socket Mode envelopes shaped like the fixtures (socket_envelope_*.json), with the fields a test varies.
/// Every builder takes an envelope id so a test can send the same envelope twice.
/// </summary>
public static class SlackEnvelopes
{
    public const string Team = "T111";
    public const string Channel = "C111";

    public static JsonObject SlashCommand(string text, string userId, string? responseUrl = null, string command = "/coffee",
        string? envelopeId = null, string triggerId = "13345224609.738474920.8088930838d88f008e0", string team = Team, string channel = Channel) => new()
    {
        ["envelope_id"] = envelopeId ?? NewId(),
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["token"] = "verification-token", ["team_id"] = team, ["team_domain"] = "fake-library", ["channel_id"] = channel, ["channel_name"] = "general",
            ["user_id"] = userId, ["user_name"] = userId.ToLowerInvariant(), ["command"] = command, ["text"] = text,
            ["api_app_id"] = "A111", ["is_enterprise_install"] = "false",
            ["response_url"] = responseUrl ?? "https://hooks.slack.com/commands/T111/1/unused", ["trigger_id"] = triggerId,
        },
    };

    /// <summary>A button click whose <c>value</c> is <paramref name="value"/>, as Slack sends for a message button.</summary>
    public static JsonObject ButtonClick(string value, string userId, string responseUrl, string channel = "D000001", string? envelopeId = null) => new()
    {
        ["envelope_id"] = envelopeId ?? NewId(),
        ["type"] = "interactive",
        ["accepts_response_payload"] = false,
        ["payload"] = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "fake-library" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = Team },
            ["api_app_id"] = "A111",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["trigger_id"] = "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = "nb_button_0", ["block_id"] = "b1", ["type"] = "button", ["value"] = value, ["action_ts"] = "1700000001.000001",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "button", ["emoji"] = true },
            }),
        },
    };

    /// <summary>
    /// A view_submission of the join form. <paramref name="texts"/> fill plain-text inputs (interests, tz, region) and
    /// <paramref name="choices"/> fill selects (stage, looking, format, cadence), keyed by block id.
    /// </summary>
    public static JsonObject JoinSubmission(string userId, IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, string>? choices = null,
        string channel = Channel, string callbackId = "coffee_join", string? envelopeId = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var values = new JsonObject();
        foreach (var (block, text) in texts)
        {
            values[block] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text } };
        }

        foreach (var (block, choice) in choices ?? new Dictionary<string, string>())
        {
            values[block] = new JsonObject
            {
                ["value"] = new JsonObject
                {
                    ["type"] = "static_select",
                    ["selected_option"] = new JsonObject { ["value"] = choice, ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = choice } },
                },
            };
        }

        return new JsonObject
        {
            ["envelope_id"] = envelopeId ?? NewId(),
            ["type"] = "interactive",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["type"] = "view_submission",
                ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "fake-library" },
                ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = Team },
                ["view"] = new JsonObject
                {
                    ["id"] = "V123ABC456", ["type"] = "modal", ["callback_id"] = callbackId, ["private_metadata"] = channel,
                    ["state"] = new JsonObject { ["values"] = values }, ["hash"] = "156663117.cd33ad1f",
                },
            },
        };
    }

    /// <summary>An events_api message event; Slack keeps <paramref name="eventId"/> across its retries.</summary>
    public static JsonObject Event(string eventId, int retryAttempt = 0, string? envelopeId = null) => new()
    {
        ["envelope_id"] = envelopeId ?? NewId(),
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retryAttempt,
        ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
        ["payload"] = new JsonObject
        {
            ["token"] = "verification-token", ["team_id"] = Team, ["api_app_id"] = "A111", ["type"] = "event_callback",
            ["event_id"] = eventId, ["event_time"] = 1610241741,
            ["event"] = new JsonObject { ["type"] = "message", ["text"] = "hello", ["user"] = "U222", ["channel"] = Channel, ["ts"] = "1610241741.000200" },
        },
    };

    /// <summary>An app_home_opened event: <paramref name="userId"/> opened the app's Home tab.</summary>
    public static JsonObject HomeOpened(string userId, string tab = "home") => new()
    {
        ["envelope_id"] = NewId(),
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = 0,
        ["retry_reason"] = "",
        ["payload"] = new JsonObject
        {
            ["token"] = "verification-token", ["team_id"] = Team, ["api_app_id"] = "A111", ["type"] = "event_callback",
            ["event_id"] = "Ev" + NewId().Replace("-", "", StringComparison.Ordinal)[..10].ToUpperInvariant(), ["event_time"] = 1610241741,
            ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = userId, ["channel"] = "D0HOME01", ["tab"] = tab, ["event_ts"] = "1610241741.000300" },
        },
    };

    /// <summary>A click on a button of the App Home view: no channel and no response_url, as Slack sends it.</summary>
    public static JsonObject HomeClick(string value, string userId) => new()
    {
        ["envelope_id"] = NewId(),
        ["type"] = "interactive",
        ["accepts_response_payload"] = false,
        ["payload"] = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "fake-library" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = Team },
            ["api_app_id"] = "A111",
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME01" },
            ["trigger_id"] = "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb4",
            ["view"] = new JsonObject { ["id"] = "V0HOME01", ["type"] = "home", ["blocks"] = new JsonArray() },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = "nb_button_0", ["block_id"] = "b1", ["type"] = "button", ["value"] = value, ["action_ts"] = "1700000001.000001",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "button", ["emoji"] = true },
            }),
        },
    };

    public static string NewId() => Guid.NewGuid().ToString();
}
