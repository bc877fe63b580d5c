using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Core.Settings;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Home;
using NetworkingBot.Slack.Interactions;
using NetworkingBot.Slack.Socket;

namespace NetworkingBot.Slack;

/// <summary>Registers the Slack adapter: options, Web API client, Socket Mode service and the Slack messenger.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>The DI key of the Slack adapter's own services (its <see cref="AnswerInTime"/>).</summary>
    public const string Key = "slack-adapter";

    /// <summary>
    /// Adds the Slack adapter bound to <paramref name="section"/> (the "Slack" section). The host adds the command
    /// core and a store; the messenger is registered as the <see cref="IPlatformMessenger"/> for Slack communities.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<SlackOptions>().Bind(section).ValidateWith(new SlackOptionsRules());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackHttp>();
        services.TryAddSingleton<SlackRateLimiter>();
        services.TryAddSingleton<ISlackApi, SlackApiClient>();
        services.TryAddSingleton<SlackUserDirectory>();
        services.TryAddSingleton<SlackFileShare>();
        services.TryAddSingleton<HomePublisher>();
        services.TryAddSingleton<HomeRefresher>();
        services.TryAddSingleton<SlackMessenger>();
        services.AddSingleton<IPlatformMessenger>(sp => sp.GetRequiredService<SlackMessenger>());

        services.TryAddSingleton(_ => new EnvelopeDeduplicator());
        // The adapter's own helper, so draining Slack's answers at shutdown never waits on another adapter's.
        services.TryAddKeyedSingleton<AnswerInTime>(Key);
        services.TryAddSingleton<SlackCommandRunner>();
        services.TryAddSingleton<SlackForms>();
        services.TryAddSingleton<FormOpener>();
        services.TryAddSingleton<LateReplies>();
        services.TryAddSingleton<SlashCommandHandler>();
        services.TryAddSingleton<InteractionHandler>();
        services.TryAddSingleton<EnvelopeProcessor>();
        services.AddHostedService<SocketModeService>();
        return services;
    }
}
