using System.Reflection;
using Discord;
using Discord.Rest;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Discord.Net objects for ids the bot already knows, made without asking Discord. Its public API builds a DM channel
/// or a user only from Discord's answer: posting to a kept DM channel would cost a <c>GET channels/{id}</c> first,
/// and opening a DM a <c>GET users/{id}</c> before the <c>POST users/@me/channels</c>, doubling a round's calls.
/// Sending needs nothing from those answers but the ids (Discord.Net's <c>ChannelHelper</c> and <c>UserHelper</c> read
/// <c>Id</c> only), so this calls the constructors Discord.Net itself uses for an id-only entity
/// (<c>RestDMChannel(client, id, recipientId)</c>, <c>RestUser(client, id)</c>), which are internal. Discord.Net is
/// pinned in Directory.Packages.props and <c>KnownEntitiesTests</c> fails if an upgrade moves them; should they be
/// missing, the answers are null and the caller asks Discord as the public API does.
/// </summary>
internal static class KnownEntities
{
    private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;

    private static readonly ConstructorInfo? DmChannelById =
        typeof(RestDMChannel).GetConstructor(Internal, [typeof(BaseDiscordClient), typeof(ulong), typeof(ulong?)]);

    private static readonly ConstructorInfo? UserById =
        typeof(RestUser).GetConstructor(Internal, [typeof(BaseDiscordClient), typeof(ulong)]);

    /// <summary>Whether this Discord.Net has both constructors.</summary>
    public static bool Available => DmChannelById is not null && UserById is not null;

    /// <summary>The DM channel <paramref name="channelId"/> with <paramref name="userId"/>; the client must be logged in.</summary>
    public static IMessageChannel? DmChannel(DiscordRestClient client, ulong channelId, ulong userId) =>
        DmChannelById?.Invoke([client, channelId, (ulong?)userId]) as IMessageChannel;

    /// <summary>The user <paramref name="userId"/>, enough to open a DM with (<see cref="IUser.CreateDMChannelAsync"/>).</summary>
    public static IUser? User(DiscordRestClient client, ulong userId) =>
        UserById?.Invoke([client, userId]) as IUser;
}
