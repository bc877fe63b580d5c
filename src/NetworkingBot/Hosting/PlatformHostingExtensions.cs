using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord;
using NetworkingBot.Discord.Client;
using NetworkingBot.Messaging;
using NetworkingBot.Shell;
using NetworkingBot.Slack;

namespace NetworkingBot.Hosting;

/// <summary>The platform adapters whose tokens are set, under one supervisor, and the messenger that picks among them.</summary>
public static class PlatformHostingExtensions
{
    /// <summary>
    /// Connects Discord and/or Slack when their tokens are set; with neither (or with "shell") the console shell
    /// takes input instead. Returns whether any platform runs.
    /// </summary>
    public static bool AddPlatforms(this HostApplicationBuilder builder, ShellArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(arguments);
        var services = builder.Services;
        var platforms = services.SupervisePlatforms(() => !arguments.ShellRequested && AddAdapters(builder));
        services.AddSingleton<IMessenger, MessengerRouter>();
        return platforms;
    }

    private static bool AddAdapters(HostApplicationBuilder builder)
    {
        var discord = builder.Configuration.GetSection(DiscordOptions.Section);
        var slack = builder.Configuration.GetSection(SlackOptions.SectionName);
        var runDiscord = !string.IsNullOrWhiteSpace(discord["Token"]);
        var runSlack = !string.IsNullOrWhiteSpace(slack["AppToken"]) || !string.IsNullOrWhiteSpace(slack["BotToken"]);
        if (runDiscord)
        {
            builder.Services.AddDiscordNetAdapter(discord);
        }

        if (runSlack)
        {
            builder.Services.AddSlackAdapter(slack);
        }

        return runDiscord || runSlack;
    }
}
