using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Core.Settings;
using NetworkingBot.Discord.Client.Socket;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Client;

/// <summary>The Discord adapter, on Discord.Net (issue 15).</summary>
public static class LibraryServiceCollectionExtensions
{
    /// <summary>The DI key of the Discord adapter's own services (its <see cref="AnswerInTime"/>).</summary>
    public const string Key = "discord-adapter";

    /// <summary>
    /// One <see cref="DiscordConnection"/> per process (its clients hold the rate-limit state), interaction handling
    /// handed off Discord.Net's gateway task, command registration, and the "discord" messenger.
    /// </summary>
    public static IServiceCollection AddDiscordNetAdapter(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<DiscordOptions>().Bind(section).ValidateWith(new DiscordOptionsRules());
        services.AddSingleton<UnreadableInteractions>();
        services.AddSingleton<ReadInteractions>();
        services.AddSingleton<GuardedSockets>();
        services.AddSingleton<DiscordConnection>();
        services.AddSingleton<DiscordText>();
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton<LibraryReplies>();
        services.AddSingleton<Autocomplete>();
        services.AddSingleton<DiscordForms>();
        // The adapter's own helper, so draining Discord's answers at shutdown never waits on another adapter's.
        services.AddKeyedSingleton<AnswerInTime>(Key);
        services.AddSingleton<LibraryInteractionHandler>();
        services.AddSingleton<LibraryRegistrar>();
        services.AddSingleton<LibraryStartup>();
        services.AddSingleton<IPlatformMessenger, LibraryMessenger>();
        services.AddHostedService<LibraryAdapter>();
        return services;
    }
}
