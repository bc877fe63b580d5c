using Microsoft.Extensions.Hosting;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord;

/// <summary>
/// The Discord side of the worker: at start, learns the application and brings the commands up to date, then
/// connects the gateway shards; at stop, closes them and lets answers in flight finish.
/// </summary>
public sealed class DiscordAdapter(DiscordStartup startup, GatewayClient gateway, InteractionHandler interactions) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startup.RunAsync(cancellationToken).ConfigureAwait(false);
        await gateway.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await gateway.StopAsync(cancellationToken).ConfigureAwait(false);
        await interactions.DisposeAsync().ConfigureAwait(false);
    }
}
