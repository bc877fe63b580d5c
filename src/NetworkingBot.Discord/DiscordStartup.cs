using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Discord.Commands;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord;

/// <summary>
/// What happens once per start before the bot listens: learn the application id (unless configured), bring
/// the slash commands up to date; and, from READY, tell the operator how to invite the bot when it is in no server.
/// </summary>
public sealed partial class DiscordStartup(
    IDiscordRest rest,
    CommandRegistrar registrar,
    IOptions<DiscordOptions> options,
    ILogger<DiscordStartup> logger) : IGatewayDispatchHandler
{
    private int _readyLogged;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ApplicationId))
        {
            var application = await rest.SendAsync(new DiscordRoute(HttpMethod.Get, "oauth2/applications/@me"), null, cancellationToken).ConfigureAwait(false);
            settings.ApplicationId = application?.GetProperty("id").GetString()
                ?? throw new InvalidOperationException("Discord did not say which application this bot token belongs to; set Discord__ApplicationId.");
        }

        var guild = string.IsNullOrWhiteSpace(settings.DevGuildId) ? null : settings.DevGuildId;
        try
        {
            await registrar.RegisterAsync(settings.ApplicationId, guild, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException ex) when (IsPermanentRefusal(ex))
        {
            // Sending the same set again gets the same answer, and retrying kept the bot offline. The commands Discord
            // already holds stay (the last set it accepted), so the bot connects and answers them; the line says what to fix.
            LogCommandsRefused(ex.Message);
        }
    }

    /// <summary>
    /// A 4xx that will not change by retrying: the request itself is wrong (400 Invalid Form Body, 404, 413...).
    /// 401 and 403 are not: they are about the token or access, and stop the adapter; 429 is waited out.
    /// </summary>
    internal static bool IsPermanentRefusal(DiscordApiException ex) =>
        ex.HttpStatus is >= 400 and < 500 and not (401 or 403 or 429);

    public Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        if (dispatch.EventName == "READY" && dispatch.ShardId == 0 && Interlocked.Exchange(ref _readyLogged, 1) == 0)
        {
            var guilds = dispatch.Data.TryGetProperty("guilds", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
            var applicationId = options.Value.ApplicationId ?? "";
            if (guilds == 0)
            {
                LogNoGuilds(DiscordInvite.For(applicationId));
            }
            else
            {
                LogReady(guilds);
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord refused the slash command set, so it was not registered: {Reason}. The bot connects with the commands Discord already has; fix the command definitions (or report this) and restart to register them.")]
    private partial void LogCommandsRefused(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot is in no Discord server yet. Invite it with: {InviteUrl}")]
    private partial void LogNoGuilds(Uri inviteUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord ready: the bot is in {Guilds} server(s)")]
    private partial void LogReady(int guilds);
}
