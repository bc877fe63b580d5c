using System.Text;
using System.Text.Json.Nodes;

namespace NetworkingBot.Slack.Rendering;

/// <summary>
/// Whether a rendered answer fits in a Socket Mode ack, and how a larger one is split into messages that each fit
/// Slack's limits (50 blocks, <see cref="SlackLimits.MessageText"/> characters of block text). Sections are never
/// cut, so each part keeps its code fences balanced; buttons go with the last part.
/// </summary>
internal static class MessageParts
{
    /// <summary>True when an ack carrying <paramref name="payload"/> stays under <see cref="SlackLimits.AckBytes"/> and 50 message blocks.</summary>
    public static bool FitsAck(string envelopeId, JsonObject payload)
    {
        // {"envelope_id":"…","payload":…} around the payload.
        var bytes = Encoding.UTF8.GetByteCount(payload.ToJsonString()) + Encoding.UTF8.GetByteCount(envelopeId) + 32;
        var messageBlocks = payload["response_action"] is null && payload["blocks"] is JsonArray blocks ? blocks.Count : 0;
        return bytes <= SlackLimits.AckBytes && messageBlocks <= SlackLimits.MessageBlocks;
    }

    /// <summary>The message itself when it fits one message; otherwise its parts, in order.</summary>
    public static List<JsonObject> Split(JsonObject message)
    {
        var blocks = message["blocks"] as JsonArray ?? [];
        var sections = blocks.OfType<JsonObject>().Where(b => b["type"]?.GetValue<string>() == "section").ToList();
        var rest = blocks.OfType<JsonObject>().Where(b => b["type"]?.GetValue<string>() != "section").ToList();
        if (blocks.Count <= SlackLimits.MessageBlocks && sections.Sum(Length) <= SlackLimits.MessageText)
        {
            return [message];
        }

        var parts = new List<List<JsonObject>> { new() };
        var used = 0;
        foreach (var section in sections)
        {
            if (parts[^1].Count + 1 > SlackLimits.MessageBlocks || (parts[^1].Count > 0 && used + Length(section) > SlackLimits.MessageText))
            {
                parts.Add([]);
                used = 0;
            }

            parts[^1].Add(section);
            used += Length(section);
        }

        foreach (var block in rest)
        {
            if (parts[^1].Count + 1 > SlackLimits.MessageBlocks)
            {
                parts.Add([]);
            }

            parts[^1].Add(block);
        }

        return [.. parts.Select(p => Part(message, p))];
    }

    private static JsonObject Part(JsonObject message, List<JsonObject> blocks)
    {
        var part = new JsonObject();
        foreach (var (key, value) in message)
        {
            if (key is not ("text" or "blocks"))
            {
                part[key] = value?.DeepClone();
            }
        }

        var texts = blocks.Select(Text).Where(t => t.Length > 0).ToList();
        part["text"] = texts.Count > 0 ? string.Join('\n', texts) : " ";
        part["blocks"] = new JsonArray([.. blocks.Select(b => b.DeepClone())]);
        return part;
    }

    private static string Text(JsonObject block) => block["text"]?["text"]?.GetValue<string>() ?? "";

    private static int Length(JsonObject block) => Text(block).Length;
}
