using System.Text.Json;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Delivery;

/// <summary>Reading back whether a message was already accepted: its reference among the bot's recent messages.</summary>
public sealed partial class DiscordMessenger
{
    private Task<string>? _botUserId;

    /// <summary>
    /// Reads the last <see cref="DiscordCodes.LookBack"/> messages of the message's channel (its DM channel for a DM) and answers
    /// <see cref="SentLookup.Sent"/> when one of the bot's own carries the message's reference in an embed footer
    /// (<see cref="MessageBodies.Reference"/>), else <see cref="SentLookup.NotSent"/>. A channel that is gone holds
    /// nothing; one the bot may not read, or a server channel that reads back empty (no Read Message History), cannot
    /// tell (<see cref="SentLookup.Unknown"/>).
    /// </summary>
    public async Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string channelId;
        switch (message.Kind)
        {
            case MessageKind.Channel when message.ChannelId is { } channel:
                channelId = channel;
                break;
            case MessageKind.Direct when message.UserId is { } userId:
                try
                {
                    channelId = await DmChannelAsync(message.Community, userId, cancellationToken);
                }
                catch (DiscordApiException ex) when (ex.Code == CannotMessageUser)
                {
                    return SentLookup.NotSent;
                }

                break;
            default:
                return SentLookup.Unknown;
        }

        try
        {
            var botId = await BotUserIdAsync(cancellationToken);
            var route = new DiscordRoute(HttpMethod.Get, "channels/{channel_id}/messages?limit=" + LookBack.ToString(System.Globalization.CultureInfo.InvariantCulture), channelId);
            var recent = await rest.SendAsync(route, null, cancellationToken);
            if (recent is not { ValueKind: JsonValueKind.Array } list)
            {
                return SentLookup.Unknown;
            }

            if (list.EnumerateArray().Any(m => IsOwnWithReference(m, botId, MessageBodies.Reference(message.DedupKey))))
            {
                return SentLookup.Sent;
            }

            // Without Read Message History a server channel reads back as empty, which cannot be told from a channel
            // with nothing in it: say so, and the caller falls back on the nonce. A DM channel needs no permission.
            return list.GetArrayLength() == 0 && message.Kind == MessageKind.Channel ? SentLookup.Unknown : SentLookup.NotSent;
        }
        catch (DiscordApiException ex) when (ex.Code is UnknownChannel)
        {
            return SentLookup.NotSent;
        }
        catch (DiscordApiException ex) when (ex.Code is MissingAccess or MissingPermissions)
        {
            logger.LogWarning("Cannot read back Discord channel {ChannelId} to look for {Key} (code {Code})", channelId, message.DedupKey, ex.Code);
            return SentLookup.Unknown;
        }
    }

    private const int LookBack = DiscordCodes.LookBack;
    private const int MissingAccess = DiscordCodes.MissingAccess;
    private const int MissingPermissions = DiscordCodes.MissingPermissions;

    private static bool IsOwnWithReference(JsonElement message, string botId, string reference) =>
        message.ValueKind == JsonValueKind.Object
        && message.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object
        && author.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == botId
        && message.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array
        && embeds.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("footer", out var footer) && footer.ValueKind == JsonValueKind.Object
            && footer.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString() == reference);

    /// <summary>The bot's own user id (GET users/@me), read once: only its messages count as sent.</summary>
    private Task<string> BotUserIdAsync(CancellationToken cancellationToken)
    {
        var known = _botUserId;
        if (known is { IsCompletedSuccessfully: true })
        {
            return known;
        }

        var reading = ReadBotUserIdAsync(cancellationToken);
        _botUserId = reading;
        return reading;
    }

    private async Task<string> ReadBotUserIdAsync(CancellationToken cancellationToken)
    {
        var me = await rest.SendAsync(new DiscordRoute(HttpMethod.Get, "users/@me"), null, cancellationToken);
        return me is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } userId
            ? userId
            : throw new DiscordApiException(200, 0, "GET users/@me answered without an id");
    }
}
