using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Abstractions;

public enum MessageKind
{
    /// <summary>A post in a channel everyone in it can read.</summary>
    Channel,

    /// <summary>A direct message to one person.</summary>
    Direct,

    /// <summary>
    /// One conversation with several people (a Slack group DM), in <see cref="OutboundMessage.GroupUserIds"/>.
    /// Only sent where <see cref="IMessenger.SupportsGroups"/> says the platform has them.
    /// </summary>
    Group,
}

/// <summary>
/// Something the bot says unprompted: an announcement or a DM. <see cref="DedupKey"/> is unique per logical
/// message (e.g. "round:abc:intro:alice"); adapters that support idempotent sends (Discord's nonce) use it.
/// </summary>
public sealed record OutboundMessage(
    MessageKind Kind,
    string CommunityId,
    string? ChannelId,
    string? UserId,
    string Text,
    IReadOnlyList<ButtonSpec> Buttons,
    string DedupKey,
    IReadOnlyList<string>? GroupUserIds = null)
{
    /// <summary>
    /// Render as a card where the platform has one (a Discord embed, Slack header and sections): the first line
    /// is the card's title, the rest its body. <see cref="Text"/> stays the complete message for plain platforms.
    /// </summary>
    public bool Card { get; init; }

    /// <summary>
    /// The community as a value, read from <see cref="CommunityId"/>, the stored form the core builds messages with
    /// (every store keys by it); routing and adapters read the platform and native id from here, never from the text.
    /// </summary>
    public CommunityId Community => Commands.CommunityId.Parse(CommunityId);

    public static OutboundMessage ToChannel(string communityId, string channelId, string text, string dedupKey) =>
        new(MessageKind.Channel, communityId, channelId, null, text, [], dedupKey);

    public static OutboundMessage ToUser(string communityId, string userId, string text, string dedupKey, params ButtonSpec[] buttons) =>
        new(MessageKind.Direct, communityId, null, userId, text, buttons, dedupKey);

    public static OutboundMessage ToGroup(string communityId, IReadOnlyList<string> userIds, string text, string dedupKey, params ButtonSpec[] buttons) =>
        new(MessageKind.Group, communityId, null, null, text, buttons, dedupKey, userIds);
}

/// <summary>
/// Sends announcements and DMs. The host routes each message to the adapter of the community's platform.
/// A send that returns has been accepted by the platform; a failure throws and the caller retries later.
/// </summary>
public interface IMessenger
{
    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends like <see cref="SendAsync"/> and returns an opaque reference to the message for <see cref="EditAsync"/>,
    /// or null where the platform cannot edit it. Only the platform that made a reference reads it; store it as is.
    /// </summary>
    async Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Replaces the message <paramref name="postRef"/> (from <see cref="PostAsync"/>) with <paramref name="replacement"/>,
    /// routed by its <see cref="OutboundMessage.CommunityId"/>. False when the platform cannot edit or the message is
    /// gone (deleted by a moderator, its channel removed), so the caller can say it another way; other failures throw.
    /// </summary>
    Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    /// <summary>Whether the community's platform can hold one conversation with several members (Slack can; Discord bots cannot).</summary>
    bool SupportsGroups(string communityId) => false;

    /// <summary>
    /// Looks on the platform for <paramref name="message"/> already accepted under its <see cref="OutboundMessage.DedupKey"/>
    /// (a send that a crash or a failed write kept from being recorded). Called only when resuming a send whose intent was
    /// recorded but whose result was not, so the bot reads back only its own recent messages in conversations it opened.
    /// </summary>
    Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        Task.FromResult(SentLookup.Unknown);
}

/// <summary>What a platform can say about a message the bot may already have sent (see <see cref="IMessenger.FindSentAsync"/>).</summary>
public enum SentLookup
{
    /// <summary>The platform cannot tell (no read-back); the caller falls back to its other defences (e.g. a nonce).</summary>
    Unknown,

    /// <summary>The message is not there: sending it now is not a duplicate.</summary>
    NotSent,

    /// <summary>The platform already holds the message: record it as delivered, do not send again.</summary>
    Sent,
}
