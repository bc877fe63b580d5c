using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Delivery;

/// <summary>
/// Sends the core's announcements and DMs to Discord. Channel posts go to the channel id; a DM first opens (or
/// finds) the DM channel with the user, cached per user, then posts there. Discord bots have no group DMs.
/// A message sent whole can be edited later through the reference <see cref="PostAsync"/> returns. Opened DM channels
/// are kept in <paramref name="dmChannels"/> (the store's, in the host) so a restart does not open them all again;
/// without one they are remembered in memory only.
/// </summary>
public sealed partial class DiscordMessenger(IDiscordRest rest, ILogger<DiscordMessenger> logger, IDmChannelStore? dmChannels = null) : IPlatformMessenger
{
    private const int CannotMessageUser = DiscordCodes.CannotMessageUser;
    private const int UnknownMessage = DiscordCodes.UnknownMessage;
    private const int UnknownChannel = DiscordCodes.UnknownChannel;

    private readonly ConcurrentDictionary<string, Task<string>> _dmChannels = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Discord;

    public bool SupportsGroups => false;

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken) => PostAsync(message, cancellationToken);

    /// <summary>Sends the message; its reference is "{channel id}/{message id}", or null when it went out in several parts.</summary>
    public async Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case MessageKind.Channel:
                var channelId = message.ChannelId ?? throw new ArgumentException($"Channel message {message.DedupKey} has no channel id.", nameof(message));
                return await PostToAsync(channelId, message, cancellationToken);

            case MessageKind.Direct:
                var userId = message.UserId ?? throw new ArgumentException($"Direct message {message.DedupKey} has no user id.", nameof(message));
                try
                {
                    var dmChannel = await DmChannelAsync(message.Community, userId, cancellationToken);
                    return await PostToAsync(dmChannel, message, cancellationToken);
                }
                catch (DiscordApiException ex) when (ex.Code == CannotMessageUser)
                {
                    throw new RecipientUnreachableException(userId, "direct messages are closed (Discord 50007)", ex);
                }

            default:
                throw new NotSupportedException($"Discord bots cannot hold group conversations ({message.Kind}); send one DM per member instead.");
        }
    }

    /// <summary>
    /// <c>PATCH channels/{channel.id}/messages/{message.id}</c> with the whole replacement (content, embeds, buttons),
    /// pinging only the users it names. False when the message or its channel is gone, or the replacement would not
    /// fit in one message.
    /// </summary>
    public async Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (!DiscordPostRef.TryParse(postRef, out var channelId, out var messageId))
        {
            logger.LogWarning("Cannot edit Discord message {PostRef}: not a reference this adapter made", postRef);
            return false;
        }

        var bodies = Bodies(replacement);
        if (bodies.Count != 1)
        {
            logger.LogWarning("Cannot edit Discord message {PostRef} into {Key}: the replacement needs {Parts} messages", postRef, replacement.DedupKey, bodies.Count);
            return false;
        }

        try
        {
            var route = new DiscordRoute(HttpMethod.Patch, "channels/{channel_id}/messages/{message_id}", channelId, messageId);
            await rest.SendAsync(route, DiscordEditBody.Replacing(bodies[0]), cancellationToken);
            return true;
        }
        catch (DiscordApiException ex) when (ex.Code is UnknownMessage or UnknownChannel)
        {
            logger.LogInformation("Discord message {PostRef} is gone (code {Code}); not edited", postRef, ex.Code);
            return false;
        }
    }

    private async Task<string?> PostToAsync(string channelId, OutboundMessage message, CancellationToken cancellationToken)
    {
        var bodies = Bodies(message);
        JsonElement? posted = null;
        foreach (var body in bodies)
        {
            posted = await rest.SendAsync(new DiscordRoute(HttpMethod.Post, "channels/{channel_id}/messages", channelId), body, cancellationToken);
        }

        // A text cut into parts has no one message to edit later.
        return bodies.Count == 1 && posted is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } messageId
            ? DiscordPostRef.Format(channelId, messageId)
            : null;
    }

    private IReadOnlyList<DiscordMessageBody> Bodies(OutboundMessage message) =>
        MessageBodies.Build(message.Text, message.Buttons, message.DedupKey, GuildOf(message.Community), logger, embed: message.Kind == MessageKind.Direct || message.Card);

    /// <summary>The guild's id: buttons in DMs carry it, since a click there arrives without a guild.</summary>
    private static string? GuildOf(CommunityId community) =>
        community.Platform == Platform.Discord ? community.NativeId : null;

    /// <summary>The user's DM channel id; opened once per user, shared by concurrent sends.</summary>
    private async Task<string> DmChannelAsync(CommunityId community, string userId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var opening = _dmChannels.GetOrAdd(userId, id => OpenDmAsync(community, id, cancellationToken));
            try
            {
                return await opening.WaitAsync(cancellationToken);
            }
            catch when (opening.IsFaulted || opening.IsCanceled)
            {
                // Forget a failed open so the next send tries again.
                _dmChannels.TryRemove(new KeyValuePair<string, Task<string>>(userId, opening));
                if (!opening.IsCanceled || cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                // Another caller's cancellation ended the shared open; this caller still wants it.
            }
        }
    }

    /// <summary>
    /// The DM channel the store kept for this user, else <c>POST users/@me/channels</c> (Discord answers the same
    /// channel for the same user, so a kept id stays right), saved for the next restart.
    /// </summary>
    private async Task<string> OpenDmAsync(CommunityId community, string userId, CancellationToken cancellationToken)
    {
        if (dmChannels is not null && await dmChannels.FindAsync(community, userId, cancellationToken) is { Length: > 0 } kept)
        {
            return kept;
        }

        var channel = await rest.SendAsync(new DiscordRoute(HttpMethod.Post, "users/@me/channels"), new { recipient_id = userId }, cancellationToken);
        if (channel is not { ValueKind: JsonValueKind.Object } c || !c.TryGetProperty("id", out var id) || id.GetString() is not { Length: > 0 } channelId)
        {
            throw new DiscordApiException(200, 0, "Create DM answered without a channel id");
        }

        if (dmChannels is not null)
        {
            await dmChannels.SaveAsync(community, userId, channelId, cancellationToken);
        }

        return channelId;
    }
}
