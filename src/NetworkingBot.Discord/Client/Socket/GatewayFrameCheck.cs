using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>
/// Checks each gateway frame before Discord.Net reads it. Discord.Net trusts what Discord sends: a frame that is not
/// JSON, or has a non-integer <c>op</c>, throws inside its reader and costs the connection; a READY it cannot read
/// leaves it disconnected for good; an interaction with wrong-typed fields is read leniently or dropped silently,
/// where the member must be told. So: frames that are no gateway payload are dropped; a dispatch whose body is unfit
/// is replaced by a neutral dispatch with the same sequence number (Discord.Net records <c>s</c> before it looks at
/// the event name and ignores an event it does not know), so heartbeats and resume still count it.
/// </summary>
internal static class GatewayFrameCheck
{
    /// <summary>The event name of the stand-in for an unfit dispatch: unknown to Discord.Net, which ignores it.</summary>
    public const string NeutralEvent = "NETWORKINGBOT_NEUTRALIZED";

    private const int Dispatch = 0;
    private const int Hello = 10;

    public static FrameVerdict Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            // System.Text.Json quotes the offending token in its message; a log line must never carry a payload's content.
            return FrameVerdict.Drop($"not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})");
        }

        using (document)
        {
            return Check(text, document.RootElement);
        }
    }

    private static FrameVerdict Check(string text, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return FrameVerdict.Drop($"a JSON {Kind(root)}, not an object");
        }

        if (!root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var opCode))
        {
            return FrameVerdict.Drop("no integer \"op\"");
        }

        int? sequence = null;
        if (root.TryGetProperty("s", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out var number))
            {
                // Without a readable sequence there is nothing to keep: Discord.Net would throw reading the frame.
                return FrameVerdict.Drop($"op {opCode} with a non-integer \"s\" ({Kind(s)})");
            }

            sequence = number;
        }

        string? eventName = null;
        if (root.TryGetProperty("t", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            if (t.ValueKind != JsonValueKind.String)
            {
                return opCode == Dispatch ? Neutral(sequence, $"dispatch #{sequence} with a non-string \"t\" ({Kind(t)})") : FrameVerdict.Drop($"op {opCode} with a non-string \"t\"");
            }

            eventName = t.GetString();
        }

        var data = root.TryGetProperty("d", out var d) ? d : default;
        return opCode switch
        {
            Dispatch => CheckDispatch(text, sequence, eventName, data),
            Hello when !HasHeartbeatInterval(data) => FrameVerdict.Reset("HELLO without a readable heartbeat_interval"),
            _ => FrameVerdict.Forward(text),
        };
    }

    private static FrameVerdict CheckDispatch(string text, int? sequence, string? eventName, JsonElement data)
    {
        switch (eventName)
        {
            case null:
                return Neutral(sequence, $"dispatch #{sequence} without an event name");
            case "INTERACTION_CREATE":
                return CheckInteraction(text, sequence, data);
            case "READY":
                if (DispatchShapes.Ready(data) is { } readyProblem)
                {
                    return Neutral(sequence, $"READY #{sequence}: {readyProblem}");
                }

                return DispatchShapes.LacksPrivateChannels(data) ? FrameVerdict.Forward(WithEmptyPrivateChannels(text)) : FrameVerdict.Forward(text);
            case "GUILD_CREATE" or "GUILD_DELETE":
                return DispatchShapes.Guild(data) is { } guildProblem ? Neutral(sequence, $"{eventName} #{sequence}: {guildProblem}") : FrameVerdict.Forward(text);
            default:
                // RESUMED's body is not read by Discord.Net; other events' handlers catch what they cannot read and log it.
                return FrameVerdict.Forward(text);
        }
    }

    private static FrameVerdict CheckInteraction(string text, int? sequence, JsonElement data)
    {
        var (interaction, error) = DiscordInteraction.Parse(data);
        if (interaction is not null && DispatchShapes.UnresolvedUser(data) is { } unresolved)
        {
            // Discord always resolves a user option; Discord.Net throws on one it did not, and the member would hear nothing.
            (interaction, error) = (null, $"user option {unresolved} without its user in data.resolved.users");
        }

        if (interaction is not null)
        {
            return FrameVerdict.Forward(text) with { Read = interaction };
        }

        var problem = $"INTERACTION_CREATE #{sequence}: {error}";
        var unreadable = DiscordInteraction.Answerable(data) is { } answerable
            ? new UnreadableInteraction(answerable.Id, answerable.Token, answerable.Autocomplete, error ?? "unreadable")
            : null;
        return Neutral(sequence, problem) with { Unreadable = unreadable };
    }

    /// <summary>A dispatch Discord.Net counts (its sequence) and ignores (an event name it does not know).</summary>
    public static string NeutralFrame(int? sequence) =>
        "{\"op\":0,\"s\":" + (sequence is { } s ? s.ToString(CultureInfo.InvariantCulture) : "null") + ",\"t\":\"" + NeutralEvent + "\",\"d\":{}}";

    private static FrameVerdict Neutral(int? sequence, string problem) => new(FrameAction.Forward, NeutralFrame(sequence), problem);

    /// <summary>
    /// Discord.Net reads <c>private_channels.Length</c> unguarded, and Discord's documentation does not list the field
    /// (Discord sends <c>[]</c> to bots): a READY without it would leave the client disconnected for good.
    /// </summary>
    private static string WithEmptyPrivateChannels(string text)
    {
        var root = JsonNode.Parse(text)!.AsObject();
        root["d"]!.AsObject()["private_channels"] = new JsonArray();
        return root.ToJsonString();
    }

    private static bool HasHeartbeatInterval(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("heartbeat_interval", out var interval)
        && interval.ValueKind == JsonValueKind.Number && interval.TryGetInt32(out var ms) && ms > 0;

    internal static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined => "nothing",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
