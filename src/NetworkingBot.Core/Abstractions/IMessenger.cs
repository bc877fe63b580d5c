using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Abstractions;

public enum MessageKind
{
    /// <summary>A post in a channel everyone in it can read.</summary>
    Channel,

    /// <summary>A direct message to one person.</summary>
    Direct,
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
    string DedupKey)
{
    public static OutboundMessage ToChannel(string communityId, string channelId, string text, string dedupKey) =>
        new(MessageKind.Channel, communityId, channelId, null, text, [], dedupKey);

    public static OutboundMessage ToUser(string communityId, string userId, string text, string dedupKey, params ButtonSpec[] buttons) =>
        new(MessageKind.Direct, communityId, null, userId, text, buttons, dedupKey);
}

/// <summary>
/// Sends announcements and DMs. The host routes each message to the adapter of the community's platform.
/// A send that returns has been accepted by the platform; a failure throws and the caller retries later.
/// </summary>
public interface IMessenger
{
    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
