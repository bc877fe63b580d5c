using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Core.Settings;
using NetworkingBot.Discord.Commands;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>The DI key of the Discord adapter's own services (its <see cref="AnswerInTime"/>).</summary>
    public const string Key = "discord-adapter";

    /// <summary>
    /// The Discord adapter: REST client (one per process: it holds the rate-limit state), gateway, interaction
    /// handling and the "discord" messenger. The host calls this only when a bot token is configured.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<DiscordOptions>().Bind(section).ValidateWith(new DiscordOptionsRules());
        services.AddSingleton<IDiscordRest>(sp => new DiscordRestClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.AddSingleton<IGatewayInfoSource, RestGatewayInfoSource>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<DiscordText>();
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton<Autocomplete>();
        services.AddSingleton<DiscordForms>();
        // The adapter's own helper, so draining Discord's answers at shutdown never waits on another adapter's.
        services.AddKeyedSingleton<AnswerInTime>(Key);
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<DiscordStartup>();
        services.AddSingleton<IGatewayDispatchHandler, DiscordDispatches>();
        services.AddSingleton(sp => new GatewayClient(
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<IGatewayInfoSource>(),
            sp.GetRequiredService<IGatewayDispatchHandler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IPlatformMessenger, DiscordMessenger>();
        services.AddHostedService<DiscordAdapter>();
        return services;
    }
}
