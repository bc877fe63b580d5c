using Discord;
using Discord.Rest;
using Discord.WebSocket;
using Microsoft.Extensions.Options;
using NetworkingBot.Discord.Client.Socket;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// The process's Discord.Net clients. <see cref="Client"/> is the sharded socket client the adapter starts; it also
/// answers interactions. Announcements and DMs go through <see cref="RestAsync"/>, a REST client of their own that
/// logs in on first use: Discord.Net's socket client learns the bot's own user only from READY, and a DM channel
/// cannot be opened through it before that, while the core may send as soon as the host has started. Each client
/// keeps its own per-route rate-limit state; both share the token's global limit through one <see cref="Pacer"/>
/// (<see cref="DiscordOptions.GlobalPerSecond"/>).
/// </summary>
public sealed class DiscordConnection : IAsyncDisposable
{
    private readonly IOptions<DiscordOptions> _options;
    private readonly SemaphoreSlim _login = new(1, 1);
    private readonly DiscordRestClient _rest;

    /// <summary>
    /// The clients for <paramref name="options"/>, paced on the system clock: Discord's limit runs on real time even
    /// where the bot's own clock is controlled (the shell, tests), and a paused clock must not stop every request.
    /// </summary>
    public DiscordConnection(IOptions<DiscordOptions> options, GuardedSockets? sockets = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Pacer = new GlobalPacer(TimeProvider.System, options.Value.GlobalPerSecond);
        Client = DiscordClientFactory.Sharded(options.Value, Pacer, sockets?.Provider);
        _rest = DiscordClientFactory.Rest(options.Value, Pacer);
    }

    /// <summary>The global limit every request of this process but interaction endpoints waits for.</summary>
    public GlobalPacer Pacer { get; }

    /// <summary>
    /// The sharded socket client: the shards this process runs, configured from <see cref="DiscordOptions"/>, on
    /// guarded sockets when given (the host always gives them; a REST-only test need not).
    /// </summary>
    public DiscordShardedClient Client { get; }

    /// <summary>The logged-in REST client for messages; a rejected token surfaces here as Discord.Net's 401.</summary>
    public async Task<DiscordRestClient> RestAsync(CancellationToken cancellationToken)
    {
        if (_rest.LoginState != LoginState.LoggedIn)
        {
            await _login.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_rest.LoginState != LoginState.LoggedIn)
                {
                    var settings = _options.Value;
                    await _rest.LoginAsync(TokenType.Bot, settings.Token, DiscordClientFactory.ValidatesToken(settings)).ConfigureAwait(false);
                }
            }
            finally
            {
                _login.Release();
            }
        }

        return _rest;
    }

    /// <summary>Stops the shards a login created; none exist before the first login (Discord.Net makes them then).</summary>
    public async Task StopShardsAsync()
    {
        if (Client.Shards is { Count: > 0 })
        {
            await Client.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        await _rest.DisposeAsync().ConfigureAwait(false);
        _login.Dispose();
        Pacer.Dispose();
    }
}
