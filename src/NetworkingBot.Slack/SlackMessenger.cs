using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Rendering;

namespace NetworkingBot.Slack;

/// <summary>
/// Delivers the core's announcements and DMs on Slack: channel posts, single DMs and one group DM per intro,
/// rendered as Block Kit with an escaped plain-text fallback. Failures throw so the core retries later.
/// </summary>
internal sealed class SlackMessenger(ISlackApi api) : IPlatformMessenger
{
    // conversations.open returns the same DM for the same people; asking once per set saves a tier-3 call per message.
    private readonly ConcurrentDictionary<string, string> _conversations = new(StringComparer.Ordinal);

    public string Prefix => "slack";

    public bool SupportsGroups => true;

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Kind switch
        {
            MessageKind.Channel => message.ChannelId ?? throw new ArgumentException("A channel message needs a channel id.", nameof(message)),
            MessageKind.Direct => await OpenAsync([message.UserId ?? throw new ArgumentException("A direct message needs a user id.", nameof(message))], cancellationToken).ConfigureAwait(false),
            MessageKind.Group => await OpenAsync(message.GroupUserIds is { Count: > 0 } users ? users : throw new ArgumentException("A group message needs its members.", nameof(message)), cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.Kind, "Unknown message kind."),
        };

        var body = message.Card ? CardBlocks.Message(message.Text, message.Buttons) : BlockKit.Message(message.Text, message.Buttons);
        body["channel"] = channel;
        // Nothing in our text should be auto-linked into a mention; explicit <@U…> markup still works.
        body["link_names"] = false;
        body["parse"] = "none";
        body["unfurl_links"] = false;
        await api.CallAsync("chat.postMessage", body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> OpenAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var users = string.Join(',', userIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (_conversations.TryGetValue(users, out var cached))
        {
            return cached;
        }

        var opened = await api.CallAsync("conversations.open", new JsonObject { ["users"] = users }, cancellationToken).ConfigureAwait(false);
        var id = opened.GetProperty("channel").GetProperty("id").GetString()!;
        _conversations[users] = id;
        return id;
    }
}
