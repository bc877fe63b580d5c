using System.Globalization;
using System.Text.Json.Nodes;

namespace NetworkingBot.Testing.FakeSlack;

/// <summary>
/// conversations.history over the messages the bot posted, newest first, as Slack answers it: at most <c>limit</c>
/// (Slack's cap for new non-Marketplace apps is 15), a message's <c>metadata</c> only with <c>include_all_metadata</c>,
/// and, like Slack, only where the app holds the channel type's <c>*:history</c> scope (see <see cref="HistoryScopes"/>).
/// </summary>
public sealed partial class FakeSlackServer
{
    private readonly List<(string Channel, JsonObject Message)> _history = [];

    /// <summary>
    /// The history scopes the installed app holds; a conversations.history call on a channel type without its scope
    /// answers <c>missing_scope</c>. D… is a DM (im:history), G… a group DM (mpim:history), C… a channel (channels:history).
    /// </summary>
    public HashSet<string> HistoryScopes { get; } = new(StringComparer.Ordinal) { "im:history", "mpim:history", "channels:history" };

    /// <summary>Every message the fake holds in <paramref name="channel"/>, oldest first.</summary>
    public IReadOnlyList<JsonObject> MessagesIn(string channel)
    {
        lock (_gate)
        {
            return _history.Where(h => h.Channel == channel).Select(h => (JsonObject)h.Message.DeepClone()).ToList();
        }
    }

    private JsonObject History(Dictionary<string, string> args)
    {
        var channel = args.GetValueOrDefault("channel", "");
        if (channel.Length == 0)
        {
            return Error("channel_not_found");
        }

        var needed = channel[0] switch { 'D' => "im:history", 'G' => "mpim:history", _ => "channels:history" };
        if (!HistoryScopes.Contains(needed))
        {
            return new JsonObject { ["ok"] = false, ["error"] = "missing_scope", ["needed"] = needed, ["provided"] = string.Join(',', HistoryScopes) };
        }

        var limit = int.TryParse(args.GetValueOrDefault("limit", "100"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 999) : 100;
        var withMetadata = args.GetValueOrDefault("include_all_metadata", "") is "true" or "1";
        List<JsonObject> page;
        lock (_gate)
        {
            page = _history.Where(h => h.Channel == channel).Select(h => h.Message).Reverse().Take(limit)
                .Select(m =>
                {
                    var copy = (JsonObject)m.DeepClone();
                    if (!withMetadata)
                    {
                        copy.Remove("metadata");
                    }

                    return copy;
                })
                .ToList();
        }

        return new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray(page.Select(m => (JsonNode)m).ToArray()),
            ["has_more"] = false,
        };
    }
}
