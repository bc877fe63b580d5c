using System.Collections.Concurrent;
using System.Globalization;
using Discord;
using Discord.Net;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Delivery;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// DM channels: opened once per user and shared by concurrent sends, kept in the store so the first round after a
/// restart posts straight to them (Discord answers the same channel for the same user, so a kept id stays right). A
/// kept channel Discord no longer knows (Unknown Channel) is forgotten and opened again.
/// </summary>
public sealed partial class LibraryMessenger
{
    // Per community and user, as the store keeps them: each community's export-me and forget-me see its own record.
    private readonly ConcurrentDictionary<string, Task<DmChannel>> _dmChannels = new(StringComparer.Ordinal);

    private async Task<string?> PostDirectAsync(OutboundMessage message, string userId, CancellationToken cancellationToken)
    {
        var dm = await DmChannelAsync(message.Community, userId, cancellationToken);
        try
        {
            return await PostToAsync(dm.Channel, message, cancellationToken);
        }
        catch (HttpException ex) when (dm.Kept && (int?)ex.DiscordCode == DiscordCodes.UnknownChannel)
        {
            await ForgetDmAsync(message.Community, userId, dm, cancellationToken);
            return await PostToAsync((await DmChannelAsync(message.Community, userId, cancellationToken)).Channel, message, cancellationToken);
        }
    }

    /// <summary>The user's DM channel; opened (or read from the store) once per community and user, shared by concurrent sends.</summary>
    private Task<DmChannel> DmChannelAsync(CommunityId community, string userId, CancellationToken cancellationToken) =>
        Shared(_dmChannels, DmKey(community, userId), _ => OpenDmAsync(community, userId, cancellationToken), cancellationToken);

    private static string DmKey(CommunityId community, string userId) => $"{community}|{userId}";

    /// <summary>
    /// The DM channel the store kept for this user, else <c>POST users/@me/channels</c>, saved for the next restart.
    /// Neither asks Discord for the user or the channel first (<see cref="KnownEntities"/>).
    /// </summary>
    private async Task<DmChannel> OpenDmAsync(CommunityId community, string userId, CancellationToken cancellationToken)
    {
        var rest = await connection.RestAsync(cancellationToken);
        var user = LibraryBodies.Snowflake(userId);
        if (dmChannels is not null
            && await dmChannels.FindAsync(community, userId, cancellationToken) is { } kept
            && ulong.TryParse(kept, NumberStyles.None, CultureInfo.InvariantCulture, out var keptId)
            && await KeptChannelAsync(rest, keptId, user, cancellationToken) is { } channel)
        {
            return new DmChannel(channel, Kept: true);
        }

        var recipient = KnownEntities.User(rest, user)
            ?? await rest.GetUserAsync(user, Options(cancellationToken))
            ?? throw new RecipientUnreachableException(userId, "Discord knows no such user", null);
        var opened = await recipient.CreateDMChannelAsync(Options(cancellationToken));
        if (dmChannels is not null)
        {
            await dmChannels.SaveAsync(community, userId, Id(opened.Id), cancellationToken);
        }

        return new DmChannel(opened, Kept: false);
    }

    /// <summary>The kept channel, built from its id; read from Discord only if this Discord.Net cannot build it (null: gone).</summary>
    private static async Task<IMessageChannel?> KeptChannelAsync(global::Discord.Rest.DiscordRestClient rest, ulong channelId, ulong userId, CancellationToken cancellationToken) =>
        KnownEntities.DmChannel(rest, channelId, userId)
            ?? await rest.GetChannelAsync(channelId, Options(cancellationToken)) as IMessageChannel;

    /// <summary>
    /// Forgets a kept channel Discord says is gone, in memory and in the store, unless a concurrent send already
    /// replaced it (then the store holds the new one, which stays).
    /// </summary>
    private async Task ForgetDmAsync(CommunityId community, string userId, DmChannel gone, CancellationToken cancellationToken)
    {
        var key = DmKey(community, userId);
        if (_dmChannels.TryGetValue(key, out var current) && current.IsCompletedSuccessfully && ReferenceEquals(current.Result, gone)
            && _dmChannels.TryRemove(new KeyValuePair<string, Task<DmChannel>>(key, current)))
        {
            LogKeptChannelGone(Id(gone.Channel.Id), userId);
            if (dmChannels is not null)
            {
                await dmChannels.ForgetAsync(community, userId, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept Discord DM channel {ChannelId} of user {UserId} is gone; opening a new one")]
    private partial void LogKeptChannelGone(string channelId, string userId);

    /// <summary>A DM channel, and whether it came from the store (so Discord may have forgotten it since).</summary>
    private sealed record DmChannel(IMessageChannel Channel, bool Kept);
}
