using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Slack;

/// <summary>
/// The delivery key a bot message carries in Slack's message <c>metadata</c> ({event_type, event_payload}), and the
/// conversations.history read that finds it again. Slack posts have no idempotency key, so this is how a resumed
/// delivery learns that a post it never saw answered was accepted after all.
/// </summary>
internal static class SlackDeliveryMetadata
{
    /// <summary>Our event type; Slack shows it to developers, members never see it.</summary>
    public const string EventType = "networkingbot_delivery";

    /// <summary>
    /// How many of a conversation's newest messages are read. A resume runs seconds or minutes after the interrupted
    /// send, so the message is among the last few; 15 is also the most Slack returns to new non-Marketplace apps.
    /// </summary>
    public const int HistoryLimit = 15;

    public static JsonObject For(string deliveryKey) => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new JsonObject { ["key"] = deliveryKey },
    };

    public static JsonObject HistoryQuery(string channel) => new()
    {
        ["channel"] = channel,
        ["limit"] = HistoryLimit.ToString(CultureInfo.InvariantCulture),
        ["include_all_metadata"] = "true",
    };

    /// <summary>Whether a conversations.history answer holds a message carrying <paramref name="deliveryKey"/>.</summary>
    public static bool Holds(JsonElement history, string deliveryKey)
    {
        if (!history.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (message.TryGetProperty("metadata", out var metadata)
                && metadata.TryGetProperty("event_type", out var type) && type.ValueEquals(EventType)
                && metadata.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("key", out var key) && key.ValueEquals(deliveryKey))
            {
                return true;
            }
        }

        return false;
    }
}
