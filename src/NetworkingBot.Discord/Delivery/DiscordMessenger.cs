using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Delivery;

/// <summary>
/// Sends the core's announcements and DMs to Discord. Channel posts go to the channel id; a DM first opens (or
/// finds) the DM channel with the user, cached per user, then posts there. Discord bots have no group DMs.
/// </summary>
public sealed class DiscordMessenger(IDiscordRest rest, ILogger<DiscordMessenger> logger) : IPlatformMessenger
{
    /// <summary>Discord's "Cannot send messages to this user".</summary>
    public const int CannotMessageUser = 50007;

    private readonly ConcurrentDictionary<string, Task<string>> _dmChannels = new(StringComparer.Ordinal);

    public string Prefix => "discord";

    public bool SupportsGroups => false;

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case MessageKind.Channel:
                var channelId = message.ChannelId ?? throw new ArgumentException($"Channel message {message.DedupKey} has no channel id.", nameof(message));
                await PostAsync(channelId, message, cancellationToken);
                break;

            case MessageKind.Direct:
                var userId = message.UserId ?? throw new ArgumentException($"Direct message {message.DedupKey} has no user id.", nameof(message));
                try
                {
                    var dmChannel = await DmChannelAsync(userId, cancellationToken);
                    await PostAsync(dmChannel, message, cancellationToken);
                }
                catch (DiscordApiException ex) when (ex.Code == CannotMessageUser)
                {
                    throw new RecipientUnreachableException(userId, "direct messages are closed (Discord 50007)", ex);
                }

                break;

            default:
                throw new NotSupportedException($"Discord bots cannot hold group conversations ({message.Kind}); send one DM per member instead.");
        }
    }

    private async Task PostAsync(string channelId, OutboundMessage message, CancellationToken cancellationToken)
    {
        foreach (var body in MessageBodies.Build(message.Text, message.Buttons, message.DedupKey, GuildOf(message.CommunityId), logger, embed: message.Kind == MessageKind.Direct || message.Card))
        {
            await rest.SendAsync(new DiscordRoute(HttpMethod.Post, "channels/{channel_id}/messages", channelId), body, cancellationToken);
        }
    }

    /// <summary>"discord:123" → "123": buttons in DMs carry it, since a click there arrives without a guild.</summary>
    private static string? GuildOf(string communityId) =>
        communityId.StartsWith("discord:", StringComparison.Ordinal) ? communityId["discord:".Length..] : null;

    /// <summary>The user's DM channel id; opened once per user, shared by concurrent sends.</summary>
    private async Task<string> DmChannelAsync(string userId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var opening = _dmChannels.GetOrAdd(userId, id => OpenDmAsync(id, cancellationToken));
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

    private async Task<string> OpenDmAsync(string userId, CancellationToken cancellationToken)
    {
        var channel = await rest.SendAsync(new DiscordRoute(HttpMethod.Post, "users/@me/channels"), new { recipient_id = userId }, cancellationToken);
        if (channel is not { ValueKind: JsonValueKind.Object } c || !c.TryGetProperty("id", out var id) || id.GetString() is not { Length: > 0 } channelId)
        {
            throw new DiscordApiException(200, 0, "Create DM answered without a channel id");
        }

        return channelId;
    }
}
