using Discord;
using Discord.Net;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord.Delivery;

namespace NetworkingBot.Discord.Client;

/// <summary>Reading back whether a message was already accepted: its reference among the bot's recent messages.</summary>
public sealed partial class LibraryMessenger
{
    /// <summary>
    /// Reads the last <see cref="DiscordCodes.LookBack"/> messages of the message's channel (its DM channel for a
    /// DM) through Discord.Net and answers <see cref="SentLookup.Sent"/> when one of the bot's own carries the message's
    /// reference in an embed footer (<see cref="MessageBodies.Reference"/>), else <see cref="SentLookup.NotSent"/>. A
    /// channel that is gone holds nothing; one the bot may not read, or a server channel that reads back empty (no
    /// Read Message History), cannot tell (<see cref="SentLookup.Unknown"/>).
    /// </summary>
    public async Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        IMessageChannel channel;
        DmChannel? dm = null;
        try
        {
            switch (message.Kind)
            {
                case MessageKind.Channel when message.ChannelId is { } channelId:
                    channel = await ChannelAsync(channelId, cancellationToken);
                    break;
                case MessageKind.Direct when message.UserId is { } userId:
                    dm = await DmChannelAsync(message.Community, userId, cancellationToken);
                    channel = dm.Channel;
                    break;
                default:
                    return SentLookup.Unknown;
            }
        }
        catch (Exception ex) when (ex is RecipientUnreachableException || IsGone(ex)
            || ex is HttpException { DiscordCode: { } closed } && (int)closed == DiscordCodes.CannotMessageUser)
        {
            // No DM channel can be opened, or the channel is gone: nothing was delivered there.
            return SentLookup.NotSent;
        }

        try
        {
            var reference = MessageBodies.Reference(message.DedupKey);
            var botId = (await connection.RestAsync(cancellationToken)).CurrentUser.Id;
            var recent = await channel.GetMessagesAsync(DiscordCodes.LookBack, CacheMode.AllowDownload, Options(cancellationToken)).FlattenAsync();
            var read = recent.ToList();
            if (read.Any(m => m.Author.Id == botId && m.Embeds.Any(e => e.Footer?.Text == reference)))
            {
                return SentLookup.Sent;
            }

            // Without Read Message History a server channel reads back as empty, which cannot be told from a channel
            // with nothing in it: say so, and the caller decides. A DM channel needs no permission.
            return read.Count == 0 && message.Kind == MessageKind.Channel ? SentLookup.Unknown : SentLookup.NotSent;
        }
        catch (HttpException ex) when (IsGone(ex))
        {
            if (dm is { Kept: true } && message.UserId is { } user)
            {
                // A kept DM channel Discord no longer knows: the next send opens a new one.
                await ForgetDmAsync(message.Community, user, dm, cancellationToken);
            }

            return SentLookup.NotSent;
        }
        catch (HttpException ex) when ((int?)ex.DiscordCode is DiscordCodes.MissingAccess or DiscordCodes.MissingPermissions)
        {
            LogCannotReadBack(Id(channel.Id), message.DedupKey, (int)ex.DiscordCode!.Value);
            return SentLookup.Unknown;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read back Discord channel {ChannelId} to look for {Key} (code {Code})")]
    private partial void LogCannotReadBack(string channelId, string key, int code);
}
