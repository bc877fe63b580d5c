using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Home;
using NetworkingBot.Slack.Rendering;

namespace NetworkingBot.Slack;

/// <summary>
/// Delivers the core's announcements and DMs on Slack: channel posts, single DMs and one group DM per intro,
/// rendered as Block Kit with an escaped plain-text fallback, and edits of them by the reference a post returned.
/// Failures throw so the core retries later. Opened conversations are kept in <paramref name="dmChannels"/> (the
/// store's, in the host), so a restart does not open them again; without one they are remembered in memory only.
/// </summary>
internal sealed class SlackMessenger(ISlackApi api, HomeRefresher home, IDmChannelStore? dmChannels = null) : IPlatformMessenger
{
    // conversations.open returns the same DM for the same people; asking once per set saves a tier-3 call per message
    // (conversations.open is Tier 3, 50+ a minute: at 1,000 members it, not chat.postMessage, sets the round's pace).
    private readonly ConcurrentDictionary<string, string> _conversations = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Slack;

    public bool SupportsGroups => true;

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken) => PostAsync(message, cancellationToken);

    /// <summary>
    /// chat.postMessage; the reference is "{channel}/{ts}" from its answer, what chat.update needs. The message carries
    /// its delivery key in <c>metadata</c> (<see cref="SlackDeliveryMetadata"/>), so <see cref="FindSentAsync"/> can find it.
    /// </summary>
    public async Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Body(message);
        body["channel"] = await ConversationOfAsync(message, cancellationToken).ConfigureAwait(false);
        body["unfurl_links"] = false;
        body["metadata"] = SlackDeliveryMetadata.For(message.DedupKey);
        JsonElement posted;
        try
        {
            posted = await api.CallAsync("chat.postMessage", body, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error == "channel_not_found" && message.Kind != MessageKind.Channel)
        {
            // A kept conversation Slack no longer knows (a workspace reset, a conversation removed): open it anew, once.
            await ForgetAsync(message, cancellationToken).ConfigureAwait(false);
            body["channel"] = await ConversationOfAsync(message, cancellationToken).ConfigureAwait(false);
            posted = await api.CallAsync("chat.postMessage", body, cancellationToken).ConfigureAwait(false);
        }

        // A DM about a member's programs (an intro, a check-in, an interview answer) may change what their home shows.
        foreach (var userId in message.Kind switch { MessageKind.Direct => [message.UserId!], MessageKind.Group => message.GroupUserIds!, _ => [] })
        {
            home.Changed(message.Community.NativeId, userId);
        }

        return SlackPostRef.Of(posted);
    }

    /// <summary>
    /// Reads the last few messages (<see cref="SlackDeliveryMetadata.HistoryLimit"/>) of the conversation the message
    /// went to, the DM or group DM the bot opened or the program's channel, for one carrying its delivery key. The core
    /// calls this only when resuming a send whose outcome was never recorded. Unknown when Slack will not show the
    /// history (a missing history scope, the bot not in the channel), so the core falls back to sending.
    /// </summary>
    public async Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = await ConversationOfAsync(message, cancellationToken).ConfigureAwait(false);
        try
        {
            var history = await api.CallAsync("conversations.history", SlackDeliveryMetadata.HistoryQuery(channel), cancellationToken).ConfigureAwait(false);
            return SlackDeliveryMetadata.Holds(history, message.DedupKey) ? SentLookup.Sent : SentLookup.NotSent;
        }
        catch (SlackApiException ex) when (ex.Error is "missing_scope" or "not_in_channel" or "channel_not_found" or "not_allowed_token_type")
        {
            return SentLookup.Unknown;
        }
    }

    private async Task<string> ConversationOfAsync(OutboundMessage message, CancellationToken cancellationToken) => message.Kind switch
    {
        MessageKind.Channel => message.ChannelId ?? throw new ArgumentException("A channel message needs a channel id.", nameof(message)),
        MessageKind.Direct or MessageKind.Group => await OpenAsync(message.Community, MembersOf(message), cancellationToken).ConfigureAwait(false),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.Kind, "Unknown message kind."),
    };

    private static IReadOnlyList<string> MembersOf(OutboundMessage message) => message.Kind == MessageKind.Direct
        ? [message.UserId ?? throw new ArgumentException("A direct message needs a user id.", nameof(message))]
        : message.GroupUserIds is { Count: > 0 } users ? users : throw new ArgumentException("A group message needs its members.", nameof(message));

    private async Task ForgetAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var members = IDmChannelStore.MembersKey(MembersOf(message));
        _conversations.TryRemove(members, out _);
        if (dmChannels is not null)
        {
            await dmChannels.ForgetAsync(message.Community, members, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// chat.update with the replacement's text and blocks (both, so no old block survives). False when Slack says the
    /// message or channel is gone or the bot may no longer edit it; other refusals throw like a send.
    /// </summary>
    public async Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (!SlackPostRef.TryParse(postRef, out var channel, out var ts))
        {
            return false;
        }

        var body = Body(replacement);
        body["channel"] = channel;
        body["ts"] = ts;
        try
        {
            await api.CallAsync("chat.update", body, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SlackApiException ex) when (ex.Error is "message_not_found" or "cant_update_message" or "channel_not_found" or "edit_window_closed")
        {
            return false;
        }
    }

    /// <summary>
    /// Posts already rendered messages (the parts of a long answer) to the member's DM, in order. Interaction-only
    /// fields (response_type, replace_original) are dropped; mentions and unfurls are off as for every post.
    /// </summary>
    internal async Task PostToUserAsync(string userId, IEnumerable<JsonObject> parts, CancellationToken cancellationToken)
    {
        var channel = await OpenAsync(null, [userId], cancellationToken).ConfigureAwait(false);
        foreach (var part in parts)
        {
            var body = new JsonObject { ["text"] = part["text"]?.DeepClone(), ["blocks"] = part["blocks"]?.DeepClone() };
            body["channel"] = channel;
            body["unfurl_links"] = false;
            body["link_names"] = false;
            body["parse"] = "none";
            await api.CallAsync("chat.postMessage", body, cancellationToken).ConfigureAwait(false);
        }
    }

    private static JsonObject Body(OutboundMessage message)
    {
        var body = message.Card ? CardBlocks.Message(message.Text, message.Buttons) : BlockKit.Message(message.Text, message.Buttons);
        // Nothing in our text should be auto-linked into a mention; explicit <@U…> markup still works. chat.update
        // defaults parse to "client", unlike chat.postMessage, so both say it.
        body["link_names"] = false;
        body["parse"] = "none";
        return body;
    }

    /// <summary>
    /// The conversation with these members: remembered in this process, else kept in the store (when the community is
    /// known), else opened with conversations.open and kept in both.
    /// </summary>
    private async Task<string> OpenAsync(CommunityId? community, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var users = IDmChannelStore.MembersKey(userIds);
        if (_conversations.TryGetValue(users, out var cached))
        {
            return cached;
        }

        var store = community is { } c && dmChannels is not null ? (dmChannels, c) : default;
        if (store.dmChannels is not null && await store.dmChannels.FindAsync(store.c, users, cancellationToken).ConfigureAwait(false) is { Length: > 0 } kept)
        {
            _conversations[users] = kept;
            return kept;
        }

        var opened = await api.CallAsync("conversations.open", new JsonObject { ["users"] = users }, cancellationToken).ConfigureAwait(false);
        var id = opened.GetProperty("channel").GetProperty("id").GetString()!;
        if (store.dmChannels is not null)
        {
            await store.dmChannels.SaveAsync(store.c, users, id, cancellationToken).ConfigureAwait(false);
        }

        _conversations[users] = id;
        return id;
    }
}
