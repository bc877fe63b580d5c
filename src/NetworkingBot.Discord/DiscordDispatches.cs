using NetworkingBot.Discord.Gateway;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord;

/// <summary>The one handler the gateway calls: interactions to be answered, READY for the start-up log.</summary>
public sealed class DiscordDispatches(InteractionHandler interactions, DiscordStartup startup) : IGatewayDispatchHandler
{
    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        await interactions.HandleAsync(dispatch, cancellationToken).ConfigureAwait(false);
        await startup.HandleAsync(dispatch, cancellationToken).ConfigureAwait(false);
    }
}
