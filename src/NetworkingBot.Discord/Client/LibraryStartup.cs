using System.Globalization;
using Discord.Net;
using Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// What happens once per start before the bot listens: bring the slash commands up to date (a set Discord refuses is
/// one error line and the bot connects with the commands it already holds); and, on the first ready shard, tell the
/// operator how to invite the bot when it is in no server.
/// </summary>
internal sealed partial class LibraryStartup(LibraryRegistrar registrar, IOptions<DiscordOptions> options, ILogger<LibraryStartup> logger)
{
    private int _readyLogged;

    public async Task RegisterAsync(DiscordRestClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var settings = options.Value;
        ulong? guild = ulong.TryParse(settings.DevGuildId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        try
        {
            await registrar.RegisterAsync(client, guild, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpException ex) when (IsPermanentRefusal((int)ex.HttpCode))
        {
            // Sending the same set again gets the same answer, and retrying kept the bot offline. The commands Discord
            // already holds stay (the last set it accepted), so the bot connects and answers them; the line says what to fix.
            LogCommandsRefused(ex.Reason ?? ex.Message);
        }
    }

    /// <summary>
    /// A 4xx that will not change by retrying: the request itself is wrong (400 Invalid Form Body, 404, 413...).
    /// 401 and 403 are not: they are about the token or access, and stop the adapter; 429 is waited out.
    /// </summary>
    internal static bool IsPermanentRefusal(int status) => status is >= 400 and < 500 and not (401 or 403 or 429);

    /// <summary>On the first shard ready: the invite link when the bot is in no server, else how many it is in.</summary>
    public void OnReady(int guilds, string applicationId)
    {
        if (Interlocked.Exchange(ref _readyLogged, 1) == 1)
        {
            return;
        }

        if (guilds == 0)
        {
            LogNoGuilds(DiscordInvite.For(applicationId));
        }
        else
        {
            LogReady(guilds);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord refused the slash command set, so it was not registered: {Reason}. The bot connects with the commands Discord already has; fix the command definitions (or report this) and restart to register them.")]
    private partial void LogCommandsRefused(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot is in no Discord server yet. Invite it with: {InviteUrl}")]
    private partial void LogNoGuilds(Uri inviteUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord ready: the bot is in {Guilds} server(s)")]
    private partial void LogReady(int guilds);
}
