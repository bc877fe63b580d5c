using System.Collections.Concurrent;
using Discord;
using Discord.Net;
using Discord.Rest;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Delivery;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Sends the core's announcements and DMs through Discord.Net (its REST client holds the rate limits). Channel posts
/// go to the channel id; a DM first opens the DM channel with the user, once per user, then posts there. Opened DM
/// channels are kept in <paramref name="dmChannels"/> (the store's, in the host) so a restart does not open them all
/// again; without one they are remembered in memory only (<c>LibraryMessenger.DmChannels.cs</c>). The bodies
/// are the ones <see cref="MessageBodies"/> builds (parts, buttons with the guild in their ids, the delivery reference
/// in an embed footer), with the ping list passed on every send and edit (<see cref="LibraryBodies.Mentions"/>).
/// Discord.Net's public send API sets no nonce: the footer reference (<see cref="FindSentAsync"/>) is the read-back defence.
/// </summary>
public sealed partial class LibraryMessenger(DiscordConnection connection, ILogger<LibraryMessenger> logger, IDmChannelStore? dmChannels = null) : IPlatformMessenger
{
    private readonly ConcurrentDictionary<string, Task<IMessageChannel>> _channels = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Discord;

    public bool SupportsGroups => false;

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken) => PostAsync(message, cancellationToken);

    /// <summary>Sends the message; its reference is "{channel id}/{message id}", or null when it went out in several parts.</summary>
    public async Task<string?> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.Kind)
        {
            case MessageKind.Channel:
                var channelId = message.ChannelId ?? throw new ArgumentException($"Channel message {message.DedupKey} has no channel id.", nameof(message));
                return await PostToAsync(await ChannelAsync(channelId, cancellationToken), message, cancellationToken);

            case MessageKind.Direct:
                var userId = message.UserId ?? throw new ArgumentException($"Direct message {message.DedupKey} has no user id.", nameof(message));
                try
                {
                    return await PostDirectAsync(message, userId, cancellationToken);
                }
                catch (HttpException ex) when ((int?)ex.DiscordCode == DiscordCodes.CannotMessageUser)
                {
                    throw new RecipientUnreachableException(userId, "direct messages are closed (Discord 50007)", ex);
                }

            default:
                throw new NotSupportedException($"Discord bots cannot hold group conversations ({message.Kind}); send one DM per member instead.");
        }
    }

    /// <summary>
    /// Replaces a message sent whole (content, embeds, buttons, ping list). False when the message or its channel is
    /// gone, the reference is not one this adapter made, or the replacement would not fit in one message.
    /// </summary>
    public async Task<bool> EditAsync(string postRef, OutboundMessage replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (!DiscordPostRef.TryParse(postRef, out var channelId, out var messageId)
            || !ulong.TryParse(messageId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            LogNotOurs(postRef);
            return false;
        }

        var bodies = Bodies(replacement);
        if (bodies.Count != 1)
        {
            LogTooLong(postRef, replacement.DedupKey, bodies.Count);
            return false;
        }

        try
        {
            var channel = await ChannelAsync(channelId, cancellationToken);
            await channel.ModifyMessageAsync(id, m => LibraryBodies.Replace(m, bodies[0]), Options(cancellationToken));
            return true;
        }
        catch (Exception ex) when (IsGone(ex))
        {
            LogGone(postRef);
            return false;
        }
    }

    private async Task<string?> PostToAsync(IMessageChannel channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        var bodies = Bodies(message);
        IUserMessage? posted = null;
        foreach (var body in bodies)
        {
            posted = await channel.SendMessageAsync(
                body.Content,
                allowedMentions: LibraryBodies.Mentions(body.AllowedMentions),
                components: LibraryBodies.Components(body.Components),
                embeds: LibraryBodies.Embeds(body.Embeds),
                options: Options(cancellationToken));
        }

        // A text cut into parts has no one message to edit later.
        return bodies.Count == 1 && posted is not null ? DiscordPostRef.Format(Id(channel.Id), Id(posted.Id)) : null;
    }

    private IReadOnlyList<DiscordMessageBody> Bodies(OutboundMessage message) =>
        MessageBodies.Build(message.Text, message.Buttons, message.DedupKey, GuildOf(message.Community), logger, embed: message.Kind == MessageKind.Direct || message.Card);

    /// <summary>The guild's id: buttons in DMs carry it, since a click there arrives without a guild.</summary>
    private static string? GuildOf(CommunityId community) =>
        community.Platform == Platform.Discord ? community.NativeId : null;

    private static RequestOptions Options(CancellationToken cancellationToken) => new() { CancelToken = cancellationToken };

    private static string Id(ulong id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A channel by id, read once (GET channels/{id}); Discord.Net answers null for one that does not exist.</summary>
    private Task<IMessageChannel> ChannelAsync(string channelId, CancellationToken cancellationToken) =>
        Shared(_channels, channelId, id => ReadChannelAsync(id, cancellationToken), cancellationToken);

    private async Task<IMessageChannel> ReadChannelAsync(string channelId, CancellationToken cancellationToken) =>
        await (await connection.RestAsync(cancellationToken)).GetChannelAsync(LibraryBodies.Snowflake(channelId), Options(cancellationToken)) switch
        {
            IMessageChannel channel => channel,
            null => throw new ChannelUnavailableException(channelId, DiscordCodes.UnknownChannel, "it does not exist or the bot cannot see it"),
            var other => throw new ChannelUnavailableException(channelId, 0, $"it is a {other.GetType().Name}, which takes no messages"),
        };

    /// <summary>One lookup per key shared by concurrent callers; a failed one is forgotten so the next call tries again.</summary>
    private static async Task<T> Shared<T>(ConcurrentDictionary<string, Task<T>> cache, string key, Func<string, Task<T>> open, CancellationToken cancellationToken)
    {
        while (true)
        {
            var opening = cache.GetOrAdd(key, open);
            try
            {
                return await opening.WaitAsync(cancellationToken);
            }
            catch when (opening.IsFaulted || opening.IsCanceled)
            {
                cache.TryRemove(new KeyValuePair<string, Task<T>>(key, opening));
                if (!opening.IsCanceled || cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                // Another caller's cancellation ended the shared lookup; this caller still wants it.
            }
        }
    }

    private static bool IsGone(Exception ex) =>
        ex is ChannelUnavailableException { Code: DiscordCodes.UnknownChannel }
        || ex is HttpException { DiscordCode: { } code } && (int)code is DiscordCodes.UnknownMessage or DiscordCodes.UnknownChannel;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot edit Discord message {PostRef}: not a reference this adapter made")]
    private partial void LogNotOurs(string postRef);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot edit Discord message {PostRef} into {Key}: the replacement needs {Parts} messages")]
    private partial void LogTooLong(string postRef, string key, int parts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord message {PostRef} is gone; not edited")]
    private partial void LogGone(string postRef);
}

/// <summary>A channel the bot cannot post in: gone (Discord's <see cref="Code"/> 10003), unseen, or not a text channel.</summary>
public sealed class ChannelUnavailableException(string channelId, int code, string reason)
    : Exception($"Discord channel {channelId} takes no message from the bot: {reason}.")
{
    public string ChannelId { get; } = channelId;

    /// <summary>Discord's error code when it gave one, else 0.</summary>
    public int Code { get; } = code;
}
