using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Slack.Api;
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
    /// core and a store; the messenger is registered as an <see cref="IPlatformMessenger"/> for the "slack" prefix.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<SlackOptions>()
            .Bind(section)
            .Validate(o => o.AppToken.StartsWith("xapp-", StringComparison.Ordinal),
                "Slack:AppToken must be the app-level token (xapp-…) with connections:write; set it in the Slack__AppToken environment variable.")
            .Validate(o => o.BotToken.StartsWith("xoxb-", StringComparison.Ordinal),
                "Slack:BotToken must be the bot token (xoxb-…); set it in the Slack__BotToken environment variable.")
            .Validate(o => o.Connections is >= 1 and <= 10,
                "Slack:Connections must be from 1 to 10 (Slack allows at most 10 Socket Mode connections per app).")
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri && o.ApiBaseUrl.AbsoluteUri.EndsWith('/'),
                "Slack:ApiBaseUrl must be an absolute URL ending in '/', like https://slack.com/api/.")
            .Validate(o => o.InstantAnswerBudget > TimeSpan.Zero && o.InstantAnswerBudget < TimeSpan.FromSeconds(2.5),
                "Slack:InstantAnswerBudget must be above zero and under 2.5 seconds, so every envelope is acked inside Slack's 3 s.")
            .Validate(o => o.MaxFrameBytes is >= 64 * 1024 and <= 64 * 1024 * 1024,
                "Slack:MaxFrameBytes must be from 65536 (64 KiB) to 67108864 (64 MiB); the default 4194304 (4 MiB) is far above any real Slack frame.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackHttp>();
        services.TryAddSingleton<SlackRateLimiter>();
        services.TryAddSingleton<ISlackApi, SlackApiClient>();
        services.TryAddSingleton<SlackUserDirectory>();
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
        services.TryAddSingleton<InteractiveHandler>();
        services.TryAddSingleton<EnvelopeProcessor>();
        services.AddHostedService<SocketModeService>();
        return services;
    }
}
